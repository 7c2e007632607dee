package id.ucj.enrollment.registration;

import java.util.List;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import id.ucj.support.security.Client;
import id.ucj.support.web.FieldProblem;

/**
 * Checks a batch's size, and reads its items one by one with the same rules as a single
 * registration, including the client's areas.
 */
@Component
class BatchItems {

	private final RequestReader reader;

	private final EnrollmentSettings settings;

	BatchItems(RequestReader reader, EnrollmentSettings settings) {
		this.reader = reader;
		this.settings = settings;
	}

	/** The batch's items, or a 400 naming the list when there are none or too many. */
	List<JsonNode> checkSize(List<JsonNode> items, String field) {
		int size = (items != null) ? items.size() : 0;
		if (size < 1 || size > this.settings.maxBatchSize()) {
			throw new InvalidRequest(List
				.of(new FieldProblem(field, "must hold between 1 and " + this.settings.maxBatchSize() + " " + field)));
		}
		return items;
	}

	/**
	 * An item the client may not submit (outside its areas) is refused like an invalid
	 * one, naming regencyCode.
	 */
	<T extends Record & Located> RequestReader.Read<T> read(JsonNode item, Class<T> type, Client client) {
		RequestReader.Read<T> read = this.reader.read(item, type);
		if (read.problems().isEmpty() && !client.mayActIn(read.request().regencyCode())) {
			return new RequestReader.Read<>(null,
					List.of(new FieldProblem("regencyCode", "is outside the areas of client " + client.id() + " ("
							+ String.join(", ", new TreeSet<>(client.areas())) + ")")));
		}
		return read;
	}

}
