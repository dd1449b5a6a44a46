package cn.singlewindow.realname.api.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /dashboard}: a static page (static/dashboard) that logs in and reads certificationStatistics through the
 * public GraphQL API, like any other client; the charts come from the ECharts WebJar.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/dashboard").setViewName("forward:/dashboard/index.html");
        registry.addRedirectViewController("/dashboard/", "/dashboard");
    }
}
