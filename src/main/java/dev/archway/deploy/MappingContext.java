package dev.archway.deploy;

import dev.archway.model.RestApi;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.ParameterSource;
import dev.archway.runtime.TemplateRunner;

/** What compiling a non-proxy integration needs besides the integration: where templates render and the API's binary types. */
record MappingContext(TemplateRunner templates, BinaryMediaTypes binaryMediaTypes) {

  static MappingContext of(TemplateRunner templates, RestApi api) {
    return new MappingContext(templates, BinaryMediaTypes.of(api == null ? null : api.binaryMediaTypes()));
  }

  /** Parses a mapping expression; {@code context.accountId} is fixed per server, so it becomes a literal now. */
  ParameterSource source(String expression, ParameterSource.Side side) {
    ParameterSource source = ParameterSource.parse(expression, side);
    if (source instanceof ParameterSource.ContextVariable c && c.name().equals("accountId")) {
      return new ParameterSource.Literal(templates.accountId());
    }
    return source;
  }
}
