package id.ucj.notification.alert;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.ucj.support.security.Client;
import id.ucj.support.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertController {

	private final MongoTemplate mongo;

	AlertController(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Alerts in the client's areas, newest crossing first, optionally of one regency,
	 * province or direction. Paging parameters out of range are a 400 naming the
	 * parameter (Spring MVC's own method validation). Delivery errors are shown to admins
	 * only.
	 */
	@GetMapping
	PagedModel<Alert> alerts(@RequestParam(required = false) String regency,
			@RequestParam(required = false) String province, @RequestParam(required = false) Direction direction,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @AuthenticationPrincipal Client client) {
		Criteria criteria = inAreas(client);
		if (regency != null) {
			criteria = criteria.and("regencyCode").is(regency);
		}
		if (province != null) {
			criteria = criteria.and("provinceCode").is(province);
		}
		if (direction != null) {
			criteria = criteria.and("direction").is(direction);
		}
		Query query = Query.query(criteria);
		long total = this.mongo.count(query, Alert.class);
		PageRequest request = PageRequest.of(page, size,
				Sort.by(Sort.Order.desc("crossedAt"), Sort.Order.desc("detectedAt"), Sort.Order.desc("_id")));
		List<Alert> alerts = this.mongo.find(Query.query(criteria).with(request), Alert.class);
		if (client.role() != Role.ADMIN) {
			alerts = alerts.stream().map(Alert::withoutDeliveryErrors).toList();
		}
		return new PagedModel<>(new PageImpl<>(alerts, request, total));
	}

	private static Criteria inAreas(Client client) {
		if (client.actsEverywhere()) {
			return new Criteria();
		}
		List<String> provinces = client.areas().stream().filter((area) -> area.length() == 2).toList();
		List<String> regencies = client.areas().stream().filter((area) -> area.length() > 2).toList();
		return new Criteria().orOperator(where("provinceCode").in(provinces), where("regencyCode").in(regencies));
	}

}
