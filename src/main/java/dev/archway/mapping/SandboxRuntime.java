package dev.archway.mapping;

import java.io.Reader;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.slf4j.helpers.NOPLogger;

/**
 * The one Velocity runtime every mapping template shares, configured once. Subclassed for a single
 * reason: {@link #parse} is where Velocity parses templates and also each interpolated string literal
 * inside them, so hardening there covers code hidden in {@code "#evaluate(...)"} strings too.
 *
 * <p>Configuration, and why:
 * <ul>
 *   <li>a string resource loader with nothing in it: no file or class-path template can be read;</li>
 *   <li>{@link SandboxUberspector}: the allow-list, with Velocity's SecureUberspector behind it;</li>
 *   <li>inline macros local to their template, so templates of different APIs never see each other's;
 *       macro depth 20 and {@code #define} depth 2 (Velocity's defaults, stated) bound recursion;</li>
 *   <li>Velocity 1.7 behaviour, which AWS's templates were written against: whitespace gobbling in
 *       backward-compatible mode, {@code #if("")} true (no empty check), and hyphens in identifiers
 *       ({@code $context.responseOverride.header.Content-Type});</li>
 *   <li>no logging from Velocity: errors reach the caller as exceptions, not as log noise per request.</li>
 * </ul>
 */
final class SandboxRuntime extends RuntimeInstance {
  static final SandboxRuntime INSTANCE = new SandboxRuntime();

  private SandboxRuntime() {
    Properties p = new Properties();
    p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
    p.setProperty("resource.loader.string.class", "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
    p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
    p.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE, "true");
    p.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, "true");
    p.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE_REPLACE_GLOBAL, "false");
    p.setProperty(RuntimeConstants.VM_MAX_DEPTH, "20");
    p.setProperty(RuntimeConstants.DEFINE_DIRECTIVE_MAXDEPTH, "2");
    p.setProperty(RuntimeConstants.PARSE_DIRECTIVE_MAXDEPTH, "1");
    p.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
    p.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, "false");
    p.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, "true");
    p.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, "false");
    p.setProperty(RuntimeConstants.INTERPOLATE_STRINGLITERALS, "true");
    p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
    p.setProperty(RuntimeConstants.STRICT_MATH, "false");
    setProperties(p);
    setProperty(RuntimeConstants.RUNTIME_LOG_INSTANCE, NOPLogger.NOP_LOGGER);
    init();
  }

  @Override
  public SimpleNode parse(Reader reader, Template template) throws ParseException {
    SimpleNode root = super.parse(reader, template);
    Hardening.apply(root);
    return root;
  }
}
