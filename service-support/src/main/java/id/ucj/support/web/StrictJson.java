package id.ucj.support.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Clients send JSON of the documented types, or get told: a number where a string (a NIK,
 * a code) belongs is refused instead of being quietly turned into one, and a key given
 * twice is an error instead of "the last one wins" (two parsers could read the same body
 * differently). Nesting depth, number and string lengths stay within Jackson's
 * stream-read constraints, and bodies within {@code ucj.http.max-request-size}.
 */
class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
		builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Enum,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

}
