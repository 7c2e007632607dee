package id.ucj.enrollment.registration;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Items stay raw JSON here, so that one malformed item is rejected on its own instead of
 * failing the batch.
 */
record BatchContributionRequest(List<JsonNode> contributions) {
}
