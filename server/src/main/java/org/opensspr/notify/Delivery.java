package org.opensspr.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hands a message to the outside world. Throws on failure; the dispatcher retries. */
interface Delivery {

    void deliver(long id, Message message) throws Exception;

    /**
     * Delivers each of {@code messages} (by outbox id) and returns those that failed, with why; an
     * empty map when all went out. Never throws: a failure belongs to the messages it hit, and only
     * those are retried. This default delivers one message after another.
     */
    default Map<Long, Exception> deliverAll(Map<Long, Message> messages) {
        Map<Long, Exception> failed = new LinkedHashMap<>();
        for (Map.Entry<Long, Message> message : messages.entrySet()) {
            try {
                deliver(message.getKey(), message.getValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(message.getKey(), e);
            } catch (Exception e) {
                failed.put(message.getKey(), e);
            }
        }
        return failed;
    }

    /** For the log: where messages go. */
    String describe();
}
