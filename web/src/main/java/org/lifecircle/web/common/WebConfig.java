package org.lifecircle.web.common;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StrictParametersInterceptor()).addPathPatterns("/api/**");
    }

    /**
     * Tomcat's own error answers as problem+json ({@link ProblemErrorReportValve}). Unordered, so it
     * runs after Spring Boot's customizer, whose error report valve it replaces.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory ->
                factory.addContextCustomizers(context -> ProblemErrorReportValve.install(context.getParent()));
    }
}
