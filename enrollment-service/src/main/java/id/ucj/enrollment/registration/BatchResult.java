package id.ucj.enrollment.registration;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.ucj.support.web.FieldProblem;

/** One result per submitted item, in request order. */
record BatchResult(List<Item> results) {

	enum Status {

		ACCEPTED, REJECTED

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Item(int index, Status status, UUID eventId, String participantId, List<FieldProblem> errors) {

		static Item accepted(int index, Receipt receipt) {
			return new Item(index, Status.ACCEPTED, receipt.eventId(), receipt.participantId(), null);
		}

		static Item rejected(int index, List<FieldProblem> errors) {
			return new Item(index, Status.REJECTED, null, null, errors);
		}

	}

}
