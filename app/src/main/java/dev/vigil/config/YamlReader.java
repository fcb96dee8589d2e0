package dev.vigil.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one rules file into {@link YamlNode}s, refusing hostile input quickly with a file:line problem:
 * files over 8 MiB, nesting deeper than 100, aliases (so no "billion laughs"), duplicate keys and any
 * tag beyond the standard ones. Nothing in a file is ever instantiated.
 */
public final class YamlReader {
  public static final long MAX_BYTES = 8L << 20;
  static final int MAX_DEPTH = 100;
  private static final String STANDARD_TAG = "tag:yaml.org,2002:";
  private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

  private final Path file;
  private final List<RuleProblem> problems;

  private YamlReader(Path file, List<RuleProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(50);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setCodePointLimit((int) MAX_BYTES);
    o.setAllowRecursiveKeys(false);
    return o;
  }

  /** The file's single document, or null when it is empty or was refused (with a problem added). */
  public static YamlNode read(Path file, String content, List<RuleProblem> problems) {
    return new YamlReader(file, problems).read(content);
  }

  private YamlNode read(String content) {
    try (JsonParser p = YAML.createParser(content)) {
      if (p.nextToken() == null) return null;
      YamlNode root = node((YAMLParser) p, 1);
      if (root != null && p.nextToken() != null) {
        return refuse(p.currentTokenLocation(), "only one YAML document per file, found a second one");
      }
      return root;
    } catch (Refused e) {
      return null;
    } catch (JsonProcessingException e) {
      MarkedYAMLException marked = marked(e);
      if (marked != null) {
        Mark m = marked.getProblemMark();
        String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
        problems.add(new RuleProblem(file, m.getLine() + 1, m.getColumn() + 1, "YAML syntax: " + marked.getProblem() + context));
      } else {
        JsonLocation at = e.getLocation();
        problems.add(new RuleProblem(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
            "YAML: " + e.getOriginalMessage().lines().findFirst().orElse("unreadable")));
      }
      return null;
    } catch (YAMLException e) {
      problems.add(new RuleProblem(file, 1, 1, "YAML: " + e.getMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new RuleProblem(file, 1, 1, "cannot read: " + e.getMessage()));
      return null;
    } catch (StackOverflowError e) {
      problems.add(new RuleProblem(file, 1, 1, "nested too deeply to read"));
      return null;
    }
  }

  private static MarkedYAMLException marked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) return m;
    }
    return null;
  }

  private YamlNode node(YAMLParser p, int depth) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    if (p.isCurrentAlias()) return refuse(at, "YAML aliases (*" + p.getText() + ") are not supported: write the value out");
    String tag = p.getTypeId();
    if (tag != null && !(tag.startsWith(STANDARD_TAG) && STANDARD_TAGS.contains(tag.substring(STANDARD_TAG.length())))) {
      return refuse(at, "custom tag \"" + tag.replace(STANDARD_TAG, "!!") + "\" is not allowed");
    }
    if (depth > MAX_DEPTH) return refuse(at, "nested deeper than " + MAX_DEPTH + " levels");
    JsonToken t = p.currentToken();
    YamlNode n = new YamlNode(location(at), t, t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? null : p.getText());
    if (t == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) n.items.add(node(p, depth + 1));
    } else if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Location keyAt = location(p.currentTokenLocation());
        if (n.keys.containsKey(key)) {
          Location first = n.keys.get(key);
          return refuse(p.currentTokenLocation(), "duplicate key \"" + key + "\" (first at line " + first.line() + ")");
        }
        p.nextToken();
        n.keys.put(key, keyAt);
        n.fields.put(key, node(p, depth + 1));
      }
    }
    return n;
  }

  private Location location(JsonLocation at) {
    return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  private YamlNode refuse(JsonLocation at, String message) {
    problems.add(RuleProblem.at(location(at), message));
    throw new Refused();
  }

  /** Stops reading a file after its one problem was recorded. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }
}
