package org.greffe.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells OpenAPI readers (and the Swagger UI's Authorize button) how to sign in: HTTP Basic for the demo users, a
 * bearer JWT otherwise. Which role each endpoint needs is in docs/api.md, section Access.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI greffeApi() {
        return new OpenAPI()
                .info(new Info().title("Greffe").version("v1").description("Event-sourced judicial case pipeline. "
                        + "Roles: CLERK writes and reads case histories; ADVOCATE reads caseload figures with small "
                        + "cells suppressed; AUDITOR reads everything and runs the audit operations."))
                .components(new Components()
                        .addSecuritySchemes("demo", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("demo mode only: clerk, advocate or auditor, the "
                                        + "password is the name"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("an access token from the organisation's identity provider")))
                .addSecurityItem(new SecurityRequirement().addList("demo"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
