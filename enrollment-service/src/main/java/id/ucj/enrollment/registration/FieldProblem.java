package id.ucj.enrollment.registration;

/** One thing wrong with a request: the field (a JSON path such as {@code programs[1]}) and why. */
record FieldProblem(String field, String message) {
}
