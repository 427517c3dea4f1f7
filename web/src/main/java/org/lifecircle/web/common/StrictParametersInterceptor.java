package org.lifecircle.web.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters that a controller method does not declare with {@link RequestParam}, so
 * {@code ?bbx=…} is a clear 400 instead of silently returning everything.
 */
class StrictParametersInterceptor implements HandlerInterceptor {
    private final Map<Method, List<String>> allowedByMethod = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<String> allowed = allowedByMethod.computeIfAbsent(method.getMethod(), m -> declaredParameters(method));
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!allowed.contains(name)) {
                throw new UnknownParameterException(name, allowed);
            }
        }
        return true;
    }

    private static List<String> declaredParameters(HandlerMethod method) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
                names.add(name);
            }
        }
        Collections.sort(names);
        return List.copyOf(names);
    }
}
