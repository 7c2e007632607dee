package id.ucj.enrollment.registration;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import id.ucj.support.web.FieldProblem;

/** Checks a batch's size, and reads its items one by one with the same rules as a single registration. */
@Component
class BatchItems {

	private final RequestReader reader;

	private final EnrollmentSettings settings;

	BatchItems(RequestReader reader, EnrollmentSettings settings) {
		this.reader = reader;
		this.settings = settings;
	}

	void checkSize(BatchRegistrationRequest batch) {
		int size = (batch.registrations() != null) ? batch.registrations().size() : 0;
		if (size < 1 || size > this.settings.maxBatchSize()) {
			throw new InvalidRequest(List.of(new FieldProblem("registrations",
					"must hold between 1 and " + this.settings.maxBatchSize() + " registrations")));
		}
	}

	RequestReader.Read<RegistrationRequest> read(JsonNode item) {
		return this.reader.read(item, RegistrationRequest.class);
	}

}
