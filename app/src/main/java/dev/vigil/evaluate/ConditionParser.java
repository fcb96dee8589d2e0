package dev.vigil.evaluate;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.vigil.check.Target;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Parses one line of {@code expect:}, once, when rules load. A bad operand is an error, never a silent zero:
 *
 * <pre>
 * status == 200            status in [200, 204]       status &lt; 400  (== != &lt; &lt;= &gt; &gt;=)
 * latency &lt; 800ms          (&lt; &lt;= &gt; &gt;=)
 * body contains "UP"       body matches /"ok":\s*true/
 * json $.status == "UP"    json $.depth &lt; 1000          json $.ready exists   (also true, false, null)
 * header Content-Type contains json                   header X-Env == "prod"
 * cert expires &gt; 14d      (&lt; &lt;= &gt; &gt;=)    cert subject contains "mail.example"
 * banner contains "ESMTP"  banner matches /^220 /      (tcp)
 * answer contains "10.0.0.5"   rcode == NOERROR  (== !=)   (dns)
 * </pre>
 *
 * Each kind of check has its own subjects (see {@link #subjects}); a subject of another kind is refused.
 */
public final class ConditionParser {
  private static final java.util.Map<Target.Kind, List<String>> SUBJECTS = java.util.Map.of(
      Target.Kind.HTTP, List.of("status", "latency", "body", "json", "header", "cert"),
      Target.Kind.TCP, List.of("banner", "latency"),
      Target.Kind.TLS, List.of("cert", "latency"),
      Target.Kind.DNS, List.of("answer", "rcode", "latency"),
      Target.Kind.PING, List.of("latency"));
  private static final List<String> ALL =
      List.of("status", "latency", "body", "json", "header", "cert", "banner", "answer", "rcode");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final String ANY_OP = "==, !=, <, <=, >, >=";
  private static final String ORDER_OP = "<, <=, > or >=";

  private ConditionParser() {}

  /** A condition of an HTTP check. */
  public static Condition parse(String text) throws ConditionSyntaxException {
    return parse(text, Target.Kind.HTTP);
  }

  /**
   * What a check of this kind must show when no condition is written: {@code status < 400} for HTTP; for the
   * others the check itself (a connection, a handshake, an answer with the record) is the condition.
   */
  public static List<Condition> defaults(Target.Kind kind) {
    if (kind != Target.Kind.HTTP) return List.of();
    try {
      return List.of(parse("status < 400"));
    } catch (ConditionSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** The subjects a check of this kind can be judged by, e.g. banner and latency for tcp. */
  public static List<String> subjects(Target.Kind kind) {
    return SUBJECTS.get(kind);
  }

  public static Condition parse(String text, Target.Kind kind) throws ConditionSyntaxException {
    if (text == null) throw new ConditionSyntaxException("empty condition", 0);
    ConditionScanner in = new ConditionScanner(text);
    if (in.atEnd()) throw new ConditionSyntaxException("empty condition", 0);
    int start = in.position();
    String subject = in.subject();
    if (ALL.contains(subject) && !SUBJECTS.get(kind).contains(subject)) {
      throw new ConditionSyntaxException("\"" + subject + "\" does not apply to " + (kind == Target.Kind.HTTP ? "an " : "a ")
          + kind.label() + " check (use "
          + or(SUBJECTS.get(kind)) + ")", start);
    }
    Condition c;
    switch (subject) {
      case "status": c = status(text, in); break;
      case "latency": c = latency(text, in); break;
      case "body": c = body(text, in, false); break;
      case "banner": c = body(text, in, true); break;
      case "answer": c = answer(text, in); break;
      case "rcode": c = rcode(text, in); break;
      case "json": c = json(text, in); break;
      case "header": c = header(text, in); break;
      case "cert": c = cert(text, in); break;
      default: throw new ConditionSyntaxException(
          "unknown condition subject \"" + subject + "\"" + didYouMean(subject, SUBJECTS.get(kind)), start);
    }
    in.end();
    return c;
  }

  private static Shown shown(String text, ConditionScanner in) {
    return new Shown(text, in.position());
  }

  private static Condition status(String text, ConditionScanner in) throws ConditionSyntaxException {
    Shown shown = shown(text, in);
    Comparison op = in.comparison();
    if (op != null) return new StatusCondition(text, shown, op, statusCode(in, op.symbol));
    if (!in.peekWord().startsWith("in")) {
      throw new ConditionSyntaxException("expected " + ANY_OP + " or in after \"status\"", in.position());
    }
    in.accept('i');
    in.accept('n');
    if (!in.accept('[')) throw new ConditionSyntaxException("expected [ after \"in\"", in.position());
    Set<Integer> codes = new LinkedHashSet<>();
    do {
      codes.add(statusCode(in, codes.isEmpty() ? "[" : ","));
    } while (in.accept(','));
    if (!in.accept(']')) throw new ConditionSyntaxException("expected , or ] in the status list", in.position());
    return new StatusCondition(text, shown, codes);
  }

  private static int statusCode(ConditionScanner in, String after) throws ConditionSyntaxException {
    int at = in.position();
    String token = in.token();
    if (token.isEmpty()) throw new ConditionSyntaxException("expected a status code after \"" + after + "\"", at);
    if (token.matches("[1-5][0-9][0-9]")) return Integer.parseInt(token);
    throw new ConditionSyntaxException("\"" + token + "\" is not a status code (100-599)", at);
  }

  private static Comparison ordering(ConditionScanner in, String after) throws ConditionSyntaxException {
    int at = in.position();
    Comparison op = in.comparison();
    if (op == null || !op.ordering()) {
      throw new ConditionSyntaxException("expected " + ORDER_OP + " after \"" + after + "\"", at);
    }
    return op;
  }

  private static Condition body(String text, ConditionScanner in, boolean banner) throws ConditionSyntaxException {
    Shown shown = shown(text, in);
    int at = in.position();
    String verb = in.word();
    if (verb.equals("contains")) {
      int textAt = in.position();
      String needle = in.quotedOrRest("text after \"contains\"");
      if (needle.isEmpty()) throw new ConditionSyntaxException("expected text after \"contains\"", textAt);
      return BodyCondition.contains(text, shown, needle, banner);
    }
    if (verb.equals("matches")) {
      int regexAt = in.position();
      String regex = in.slashed();
      try {
        return BodyCondition.matches(text, shown, Pattern.compile(regex), banner);
      } catch (PatternSyntaxException e) {
        throw new ConditionSyntaxException("bad regex: " + e.getDescription(), regexAt + 1 + Math.max(0, e.getIndex()));
      }
    }
    throw new ConditionSyntaxException("expected contains or matches after \"" + (banner ? "banner" : "body") + "\"", at);
  }

  private static Condition json(String text, ConditionScanner in) throws ConditionSyntaxException {
    int pathAt = in.position();
    String rawPath = in.jsonPath();
    JsonPath path;
    try {
      path = JsonPath.compile(rawPath);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw new ConditionSyntaxException("bad JSON path \"" + rawPath + "\": " + e.getMessage(), pathAt);
    }
    Shown shown = shown(text, in);
    if (in.peekWord().equals("exists")) {
      in.word();
      return new JsonCondition(text, shown, path, null, null);
    }
    int opAt = in.position();
    Comparison op = in.comparison();
    if (op == null) throw new ConditionSyntaxException("expected " + ANY_OP + " or exists after the JSON path", opAt);
    int valueAt = in.position();
    Object expected = jsonLiteral(in, op);
    if (op.ordering() && !(expected instanceof BigDecimal)) {
      throw new ConditionSyntaxException("\"" + op.symbol + "\" needs a number", valueAt);
    }
    return new JsonCondition(text, shown, path, op, expected);
  }

  private static Object jsonLiteral(ConditionScanner in, Comparison op) throws ConditionSyntaxException {
    int at = in.position();
    if (in.peekWord().startsWith("\"")) return in.quoted();
    String word = in.word();
    switch (word) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      case "null": return null;
      case "": throw new ConditionSyntaxException("expected a value after \"" + op.symbol + "\"", at);
      default:
        if (word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) return new BigDecimal(word);
        throw new ConditionSyntaxException(
            "expected a quoted string, number, true, false or null, not \"" + word + "\"", at);
    }
  }

  private static Condition header(String text, ConditionScanner in) throws ConditionSyntaxException {
    int nameAt = in.position();
    String name = in.word();
    if (!HEADER_NAME.matcher(name).matches()) {
      throw new ConditionSyntaxException("expected a header name after \"header\"", nameAt);
    }
    Shown shown = shown(text, in);
    int verbAt = in.position();
    boolean exact;
    if (in.peekWord().equals("contains")) {
      in.word();
      exact = false;
    } else if (in.comparison() == Comparison.EQ) {
      exact = true;
    } else {
      throw new ConditionSyntaxException("expected contains or == after the header name", verbAt);
    }
    return new HeaderCondition(text, shown, name, exact, in.quotedOrRest("text after \"" + (exact ? "==" : "contains") + "\""));
  }

  private static Condition latency(String text, ConditionScanner in) throws ConditionSyntaxException {
    Shown shown = shown(text, in);
    Comparison op = ordering(in, "latency");
    return new LatencyCondition(text, shown, op, in.duration(op.symbol));
  }

  private static Condition cert(String text, ConditionScanner in) throws ConditionSyntaxException {
    int at = in.position();
    String what = in.word();
    if (what.equals("subject")) {
      Shown shown = shown(text, in);
      int verbAt = in.position();
      if (!in.word().equals("contains")) throw new ConditionSyntaxException("expected contains after \"cert subject\"", verbAt);
      int textAt = in.position();
      String needle = in.quotedOrRest("text after \"contains\"");
      if (needle.isEmpty()) throw new ConditionSyntaxException("expected text after \"contains\"", textAt);
      return new CertSubjectCondition(text, shown, needle);
    }
    if (!what.equals("expires")) throw new ConditionSyntaxException("expected \"expires\" or \"subject\" after \"cert\"", at);
    Shown shown = shown(text, in);
    Comparison op = ordering(in, "cert expires");
    return new CertCondition(text, shown, op, in.duration(op.symbol));
  }

  private static Condition answer(String text, ConditionScanner in) throws ConditionSyntaxException {
    Shown shown = shown(text, in);
    int at = in.position();
    if (!in.word().equals("contains")) throw new ConditionSyntaxException("expected contains after \"answer\"", at);
    int textAt = in.position();
    String needle = in.quotedOrRest("text after \"contains\"");
    if (needle.isEmpty()) throw new ConditionSyntaxException("expected text after \"contains\"", textAt);
    return new AnswerCondition(text, shown, needle);
  }

  private static Condition rcode(String text, ConditionScanner in) throws ConditionSyntaxException {
    Shown shown = shown(text, in);
    int opAt = in.position();
    Comparison op = in.comparison();
    if (op != Comparison.EQ && op != Comparison.NE) throw new ConditionSyntaxException("expected == or != after \"rcode\"", opAt);
    int codeAt = in.position();
    String code = in.word();
    if (!RcodeCondition.CODES.contains(code)) {
      throw new ConditionSyntaxException((code.isEmpty() ? "expected a response code" : "\"" + code + "\" is not a DNS response code")
          + " (use " + or(RcodeCondition.CODES) + ")", codeAt);
    }
    return new RcodeCondition(text, shown, op == Comparison.EQ, code);
  }

  /** "a, b or c". */
  private static String or(List<String> words) {
    if (words.size() == 1) return words.get(0);
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  private static String didYouMean(String word, List<String> subjects) {
    LevenshteinDistance distance = new LevenshteinDistance(3);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String s : subjects) {
      int d = distance.apply(word, s);
      if (d >= 0 && d < bestScore) {
        best = s;
        bestScore = d;
      }
    }
    return best == null ? " (use " + or(subjects) + ")" : " (did you mean \"" + best + "\"?)";
  }
}
