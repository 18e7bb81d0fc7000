package dev.txsuite.coordinator.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's static files ({@code static/admin/}) at {@code /admin/}: the directory answers with its
 * {@code index.html}, and {@code /admin} redirects there, so that the page's relative links resolve under it.
 */
@Configuration(proxyBeanMethods = false)
class AdminDashboard implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // a status of its own makes the Location the path itself: the gateway's host, never this service's
        registry.addRedirectViewController("/admin", "/admin/").setStatusCode(HttpStatus.FOUND);
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }
}
