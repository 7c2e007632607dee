package id.ucj.enrollment.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import id.ucj.contract.EventType;
import id.ucj.support.security.Client;
import id.ucj.support.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class RegistrationController {

	private final Enrollment enrollment;

	private final RequestReader reader;

	private final BatchItems batchItems;

	private final EnrollmentMetrics metrics;

	RegistrationController(Enrollment enrollment, RequestReader reader, BatchItems batchItems,
			EnrollmentMetrics metrics) {
		this.enrollment = enrollment;
		this.reader = reader;
		this.batchItems = batchItems;
		this.metrics = metrics;
	}

	@Operation(summary = "Register one participant; 202 once Kafka has the event")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = RegistrationRequest.class)))
	@PostMapping(path = "/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Receipt register(@RequestBody JsonNode body, @AuthenticationPrincipal Client client) {
		RegistrationRequest request = valid(body, RegistrationRequest.class);
		client.requireArea(request.regencyCode());
		return this.enrollment.register(List.of(request), client.id()).get(0);
	}

	@Operation(summary = "Register up to 1,000 participants; one result per item, in request order")
	@PostMapping(path = "/registrations/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	BatchResult registerBatch(@RequestBody BatchRegistrationRequest batch, @AuthenticationPrincipal Client client) {
		return batch(this.batchItems.checkSize(batch.registrations(), "registrations"), RegistrationRequest.class,
				EventType.PARTICIPANT_REGISTERED, client,
				(accepted) -> this.enrollment.register(accepted, client.id()));
	}

	@Operation(summary = "Record one contribution (cover paid for some months); 202 once Kafka has the event")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = ContributionRequest.class)))
	@PostMapping(path = "/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Receipt contribute(@RequestBody JsonNode body, @AuthenticationPrincipal Client client) {
		ContributionRequest request = valid(body, ContributionRequest.class);
		client.requireArea(request.regencyCode());
		return this.enrollment.contribute(List.of(request), client.id()).get(0);
	}

	@Operation(summary = "Record up to 1,000 contributions; one result per item, in request order")
	@PostMapping(path = "/contributions/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	BatchResult contributeBatch(@RequestBody BatchContributionRequest batch, @AuthenticationPrincipal Client client) {
		return batch(this.batchItems.checkSize(batch.contributions(), "contributions"), ContributionRequest.class,
				EventType.CONTRIBUTION_PAID, client, (accepted) -> this.enrollment.contribute(accepted, client.id()));
	}

	/**
	 * Reads every item on its own, publishes the good ones together, and answers each in
	 * request order.
	 */
	private <T extends Record & Located> BatchResult batch(List<JsonNode> items, Class<T> type, EventType eventType,
			Client client, Function<List<T>, List<Receipt>> publish) {
		List<BatchResult.Item> results = new ArrayList<>();
		List<T> accepted = new ArrayList<>();
		List<Integer> acceptedIndexes = new ArrayList<>();
		for (int index = 0; index < items.size(); index++) {
			RequestReader.Read<T> read = this.batchItems.read(items.get(index), type, client);
			if (read.problems().isEmpty()) {
				accepted.add(read.request());
				acceptedIndexes.add(index);
				results.add(null);
			}
			else {
				this.metrics.rejected(eventType, read.problems());
				results.add(BatchResult.Item.rejected(index, read.problems()));
			}
		}
		List<Receipt> receipts = publish.apply(accepted);
		for (int i = 0; i < receipts.size(); i++) {
			int index = acceptedIndexes.get(i);
			results.set(index, BatchResult.Item.accepted(index, receipts.get(i)));
		}
		return new BatchResult(results);
	}

	@Operation(
			summary = "Deregister a participant covered in the named regency (anywhere if none is named and the client acts in all areas); 202 once Kafka has the event")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = DeregistrationRequest.class)))
	@PostMapping(path = "/deregistrations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Receipt deregister(@RequestBody JsonNode body, @AuthenticationPrincipal Client client) {
		DeregistrationRequest request = valid(body, DeregistrationRequest.class);
		if (request.regencyCode() == null && !client.actsEverywhere()) {
			throw new InvalidRequest(List
				.of(new FieldProblem("regencyCode", "is required: name the regency the participant is covered in")));
		}
		if (request.regencyCode() != null) {
			client.requireArea(request.regencyCode());
		}
		return this.enrollment.deregister(request, client.id());
	}

	private <T extends Record> T valid(JsonNode body, Class<T> type) {
		RequestReader.Read<T> read = this.reader.read(body, type);
		if (!read.problems().isEmpty()) {
			throw new InvalidRequest(read.problems());
		}
		return read.request();
	}

}
