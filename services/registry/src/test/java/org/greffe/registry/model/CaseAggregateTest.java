package org.greffe.registry.model;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's command target reads a case command as Axon's annotations on it say. */
class CaseAggregateTest {

    private static final CommandTargetResolver ANNOTATIONS = AnnotationCommandTargetResolver.builder().build();

    @ParameterizedTest
    @ValueSource(classes = {FileCase.class, ScheduleHearing.class, AdjournHearing.class, HoldHearing.class,
            IssueJudgment.class, DismissCase.class, WithdrawCase.class, TransferCase.class, SuspendCase.class,
            ResumeCase.class, ReopenCase.class})
    void everyCaseCommandTargetsTheCaseAndVersionItsAnnotationsName(Class<?> type) throws Exception {
        for (Long version : new Long[]{null, 7L}) {
            Object command = instance(type, version);
            var message = GenericCommandMessage.asCommandMessage(command);

            VersionedAggregateIdentifier target = CaseAggregate.TARGET.resolveTarget(message);

            VersionedAggregateIdentifier annotated = ANNOTATIONS.resolveTarget(message);
            assertThat(target.getIdentifierValue()).isEqualTo(annotated.getIdentifierValue())
                                                   .isEqualTo(((CaseCommand) command).caseId());
            assertThat(target.getVersion()).isEqualTo(annotated.getVersion());
        }
    }

    /** The command with every component made up, its version (when it has one) the given one. */
    private static Object instance(Class<?> type, Long version) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                                .map(component -> component.getName().equals("expectedVersion") ? version
                                        : value(component.getType()))
                                .toArray();
        Constructor<?> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return constructor.newInstance(values);
    }

    private static Object value(Class<?> type) {
        try {
            if (type == String.class) {
                return "RG-2019-0042";
            }
            if (type == LocalDate.class) {
                return LocalDate.of(2019, 3, 14);
            }
            if (type == Long.class || type == long.class) {
                return 1L;
            }
            if (type == int.class || type == Integer.class) {
                return 1;
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                                                         .toArray(Class<?>[]::new))
                           .newInstance(Arrays.stream(components).map(c -> value(c.getType())).toArray());
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
