package org.greffe.registry.web;

import org.greffe.registry.model.Wording;
import org.greffe.events.DateBounds;
import org.greffe.registry.model.InvalidCommand;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;

/**
 * Every date of a request body lies from 1960-01-01 to 2100-12-31 ({@link DateBounds}), or the request is a 400 naming
 * the field. JSON reading accepts any year the JDK holds, so a mistyped {@code 0000-01-01} or {@code +10000-01-01}
 * used to reach the case, which refused it with whatever lifecycle rule it met first (409 {@code DATE_BEFORE_FILING},
 * {@code DATE_IN_FUTURE}, even {@code JUDGMENT_WITHOUT_TRIAL}) as if the clerk had broken a rule. Dates inside the
 * span still go to the case's own rules. Checked as soon as a body of this package is read, nested records included.
 */
@ControllerAdvice(basePackages = "org.greffe.registry")
class BodyDates extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(@NonNull MethodParameter parameter, @NonNull Type targetType,
                            @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && type.isRecord()
                && type.getPackageName().equals(BodyDates.class.getPackageName());
    }

    /** The body may be {@code null} (the JSON text {@code null}): validation refuses it afterwards. */
    @Override
    public Object afterBodyRead(@Nullable Object body, @NonNull HttpInputMessage inputMessage,
                                @NonNull MethodParameter parameter, @NonNull Type targetType,
                                @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        if (body != null) {
            check(body, "");
        }
        return body;
    }

    private static void check(Object record, String prefix) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = valueOf(component, record);
            String field = prefix + component.getName();
            if (value instanceof LocalDate date && !DateBounds.contains(date)) {
                throw new InvalidCommand(field, "must be " + DateBounds.DATE_FORM + " (got '" + date + "')",
                        Wording.of("date.out-of-range", date.toString()));
            }
            if (value != null && value.getClass().isRecord()) {
                check(value, field + ".");
            }
        }
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
