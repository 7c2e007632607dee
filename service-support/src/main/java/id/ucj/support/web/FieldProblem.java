package id.ucj.support.web;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code programs[1]}) and
 * why.
 */
public record FieldProblem(String field, String message) {
}
