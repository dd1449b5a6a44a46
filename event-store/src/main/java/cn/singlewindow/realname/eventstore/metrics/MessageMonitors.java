package cn.singlewindow.realname.eventstore.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dimensional message metrics (same meter names and tags) without its capacity monitor. That monitor keeps
 * the duration of every message for ten minutes in a sorted map per component and payload type, to divide their sum
 * by the window: under the benchmark's load about a million entries, 85 MB of a 384 MB heap, which filled the old
 * generation and made each full collection mark them all. The timers below carry the same figure: the rate of
 * {@code <component>_allTimer_seconds_sum} is the component's busy time per second (docs/operations.md). Only the
 * dimensional registration is replaced, the one {@code axon.metrics.micrometer.dimensional} selects in application.yml.
 */
@Configuration(proxyBeanMethods = false)
public class MessageMonitors {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new WithoutCapacity(meters);
    }

    static final class WithoutCapacity extends GlobalMetricRegistry {

        WithoutCapacity(MeterRegistry meters) {
            super(meters);
        }

        @Override
        public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                                    String componentName) {
            Function<Message<?>, Iterable<Tag>> byPayload = TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION;
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                return eventProcessor(
                        message -> Tags.of("payloadType", message.getPayloadType().getSimpleName(),
                                "processorName", componentName),
                        message -> Tags.of("processorName", componentName));
            }
            if (EventBus.class.isAssignableFrom(componentType)) {
                return new MultiMessageMonitor<>(MessageCountingMonitor.buildMonitor(componentName, getRegistry()),
                        MessageTimerMonitor.buildMonitor(componentName, getRegistry(), byPayload));
            }
            if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                    || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
                return new MultiMessageMonitor<>(
                        MessageTimerMonitor.buildMonitor(componentName, getRegistry(), byPayload),
                        MessageCountingMonitor.buildMonitor(componentName, getRegistry(), byPayload));
            }
            // Axon's own answer: none, with a warning.
            return super.registerComponentWithDefaultTags(componentType, componentName);
        }

        private MessageMonitor<EventMessage<?>> eventProcessor(Function<Message<?>, Iterable<Tag>> byPayload,
                                                               Function<Message<?>, Iterable<Tag>> byProcessor) {
            return new MultiMessageMonitor<>(
                    MessageTimerMonitor.buildMonitor("eventProcessor", getRegistry(), byPayload),
                    new Latency("eventProcessor.latency", getRegistry(), byProcessor),
                    MessageCountingMonitor.buildMonitor("eventProcessor", getRegistry(), byPayload));
        }
    }

    /**
     * Axon's {@code eventProcessor.latency} gauge (how old the last event a processor handled was, in milliseconds),
     * registered once per processor: Axon's own monitor registers it again with every event, which Micrometer answers
     * with a warning.
     */
    static final class Latency implements MessageMonitor<EventMessage<?>> {

        private final String name;
        private final MeterRegistry registry;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final ConcurrentMap<Tags, AtomicLong> gauges = new ConcurrentHashMap<>();

        Latency(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.registry = registry;
            this.tags = tags;
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            if (message != null) {
                AtomicLong latency = gauges.computeIfAbsent(Tags.of(tags.apply(message)), of -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder(name, value::get).tags(of).register(registry);
                    return value;
                });
                latency.set(registry.config().clock().wallTime() - message.getTimestamp().toEpochMilli());
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    }
}
