package dev.vigil.ui.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray images, from {@code /icons/tray-<state>-<size>.png} on the classpath. A missing file is logged once
 * and replaced by a drawn dot in the state's colour, so a packaging mistake never costs the tray icon.
 */
final class TrayIcons {
  private static final Logger log = LoggerFactory.getLogger(TrayIcons.class);
  static final int[] SIZES = {16, 22, 24, 32, 48, 64};

  private TrayIcons() {}

  /** The resource path for a state ("critical-blink" for the blink frame) at the nearest size at or above {@code size}. */
  static String path(String state, int size) {
    int best = SIZES[SIZES.length - 1];
    for (int s : SIZES) {
      if (s >= size) {
        best = s;
        break;
      }
    }
    return "/icons/tray-" + state + "-" + best + ".png";
  }

  static BufferedImage load(String state, int size) {
    String path = path(state, size);
    URL url = TrayIcons.class.getResource(path);
    if (url != null) {
      try (InputStream in = url.openStream()) {
        BufferedImage image = ImageIO.read(in);
        if (image != null) return image;
      } catch (IOException e) {
        log.warn("Could not read tray icon {}", path, e);
      }
    }
    log.info("Tray icon {} is missing; drawing a placeholder", path);
    return placeholder(state, size);
  }

  static BufferedImage placeholder(String state, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int pad = Math.max(1, size / 8);
    Color color = color(state);
    if (state.equals("critical-blink")) {
      g.setColor(color);
      g.setStroke(new BasicStroke(Math.max(1, size / 10f)));
      g.drawOval(pad, pad, size - 2 * pad - 1, size - 2 * pad - 1);
    } else {
      g.setColor(color);
      g.fillOval(pad, pad, size - 2 * pad, size - 2 * pad);
    }
    g.dispose();
    return image;
  }

  static Color color(String state) {
    return switch (state) {
      case "critical", "critical-blink" -> new Color(0xD1242F);
      case "warning" -> new Color(0xBF8700);
      case "acknowledged" -> new Color(0x0969DA);
      case "quiet" -> new Color(0x8250DF);
      case "offline" -> new Color(0x6E7781);
      default -> new Color(0x1A7F37);
    };
  }
}
