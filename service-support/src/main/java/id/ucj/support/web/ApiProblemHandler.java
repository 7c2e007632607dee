package id.ucj.support.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import id.ucj.support.security.OutsideAreas;
import tools.jackson.core.JacksonException;

/**
 * Every way Spring MVC refuses a request, as the API's problem details: bodies that are
 * not JSON, not the expected shape, too large, or invalid; query and path values of the
 * wrong type, missing or out of range. Each names its fields the same way in every
 * service ({@link FieldProblems}); nothing a client sends becomes a 5xx.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final HttpSettings settings;

	private final ObjectProvider<RequestRejections> rejections;

	public ApiProblemHandler(HttpSettings settings, ObjectProvider<RequestRejections> rejections) {
		this.settings = settings;
		this.rejections = rejections;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (NestedExceptionUtils.getRootCause(ex) instanceof PayloadTooLarge) {
			this.rejections.ifAvailable((listener) -> listener.tooLarge(servlet(request).getRequest()));
			long limit = this.settings.maxRequestSize().toBytes();
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(Problems.tooLarge(limit, servlet(request).getRequest().getRequestURI()));
		}
		JacksonException json = jacksonCause(ex);
		FieldProblem problem = (json != null) ? FieldProblems.of(json)
				: new FieldProblem(FieldProblems.BODY, "is missing or not readable as JSON");
		return invalid(List.of(problem), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> problems.add(new FieldProblem(result.getMethodParameter().getParameterName(),
						String.valueOf(error.getDefaultMessage())))));
		return invalid(problems, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		Class<?> type = ex.getRequiredType();
		String expected = (type == null) ? "of another type"
				: type.isEnum() ? "one of " + String.join(", ", enumNames(type)) : "a valid " + type.getSimpleName();
		return invalid(List.of(new FieldProblem(field, "must be " + expected)), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")), request);
	}

	@ExceptionHandler(InvalidRequest.class)
	ResponseEntity<Object> invalidRequest(InvalidRequest ex, WebRequest request) {
		return invalid(ex.problems(), request);
	}

	@ExceptionHandler(OutsideAreas.class)
	ResponseEntity<Object> outsideAreas(OutsideAreas ex) {
		return Problems.forbidden(ex.getMessage());
	}

	private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
		this.rejections.ifAvailable((listener) -> listener.invalid(servlet(request).getRequest(), problems));
		return Problems.invalid(problems);
	}

	private static ServletWebRequest servlet(WebRequest request) {
		return (ServletWebRequest) request;
	}

	private static List<String> enumNames(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

}
