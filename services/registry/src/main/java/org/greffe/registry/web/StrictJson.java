package org.greffe.registry.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

/**
 * Requests are read strictly: a number where text is expected, text where a number is expected, or a date-time
 * where a date is expected, is an error the clerk sees, not a value silently converted into the event log.
 * (Unknown fields and float-to-int coercion are refused through {@code spring.jackson.*} in the application
 * configuration.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder.postConfigurer(mapper -> {
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.DateTime)
                  .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            // A legal date is a date: "2019-01-01T00:00:00Z" is refused, not silently cut to a day that depends
            // on the time zone it was written in.
            mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        });
    }
}
