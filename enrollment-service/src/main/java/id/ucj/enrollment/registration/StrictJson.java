package id.ucj.enrollment.registration;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Field apps send JSON of the documented types, or get told: a number where a string (a NIK, a code) belongs is
 * refused instead of being quietly turned into one.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
		builder.withCoercionConfig(LogicalType.Textual, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Enum, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

}
