package dev.vigil.ui.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray images, from {@code /icons/tray-<state>-<size>.png} on the classpath. A missing file is logged once
 * and replaced by a drawn dot in the state's colour, so a packaging mistake never costs the tray icon.
 */
final class TrayIcons {
  private static final Logger log = LoggerFactory.getLogger(TrayIcons.class);
  /** The sizes icons/ renders, smallest first. */
  static final int[] SIZES = {16, 22, 24, 32, 48};

  private TrayIcons() {}

  /** Resource paths to try for a state ("critical-blink" for the blink frame): the size itself, larger ones, then smaller. */
  static List<String> candidates(String state, int size) {
    List<String> paths = new ArrayList<>();
    for (int s : SIZES) if (s >= size) paths.add(path(state, s));
    for (int i = SIZES.length - 1; i >= 0; i--) if (SIZES[i] < size) paths.add(path(state, SIZES[i]));
    return paths;
  }

  static String path(String state, int size) {
    return "/icons/tray-" + state + "-" + size + ".png";
  }

  static BufferedImage load(String state, int size) {
    for (String path : candidates(state, size)) {
      URL url = TrayIcons.class.getResource(path);
      if (url == null) continue;
      try (InputStream in = url.openStream()) {
        BufferedImage image = ImageIO.read(in);
        if (image != null) return image;
      } catch (IOException e) {
        log.warn("Could not read tray icon {}", path, e);
      }
    }
    log.warn("No tray icon for {} at {} px on the classpath; drawing a placeholder", state, size);
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
