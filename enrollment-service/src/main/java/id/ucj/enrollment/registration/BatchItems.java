package id.ucj.enrollment.registration;

import java.util.List;

import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and validates the items of a batch one by one, with the same rules as a single registration. */
@Component
class BatchItems {

	private final JsonMapper json;

	private final Validator validator;

	private final EnrollmentSettings settings;

	BatchItems(JsonMapper json, Validator validator, EnrollmentSettings settings) {
		this.json = json;
		this.validator = validator;
		this.settings = settings;
	}

	record Read(RegistrationRequest registration, List<FieldProblem> problems) {
	}

	void checkSize(BatchRegistrationRequest batch) {
		int size = (batch.registrations() != null) ? batch.registrations().size() : 0;
		if (size < 1 || size > this.settings.maxBatchSize()) {
			throw new InvalidRequest(List.of(new FieldProblem("registrations",
					"must hold between 1 and " + this.settings.maxBatchSize() + " registrations")));
		}
	}

	Read read(JsonNode item) {
		if (item == null || !item.isObject()) {
			return new Read(null, List.of(new FieldProblem(FieldProblems.BODY, "must be an object")));
		}
		try {
			RegistrationRequest registration = this.json.treeToValue(item, RegistrationRequest.class);
			return new Read(registration, FieldProblems.of(this.validator.validate(registration)));
		}
		catch (JacksonException ex) {
			return new Read(null, List.of(FieldProblems.of(ex)));
		}
	}

}
