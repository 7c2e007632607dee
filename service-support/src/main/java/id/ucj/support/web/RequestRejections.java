package id.ucj.support.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of every request refused before a controller took it, so that a service can count
 * rejections its way.
 */
public interface RequestRejections {

	void invalid(HttpServletRequest request, List<FieldProblem> problems);

	void tooLarge(HttpServletRequest request);

}
