package org.opensspr.notify;

/** Hands a message to the outside world. Throws on failure; the dispatcher retries. */
interface Delivery {

    void deliver(long id, Message message) throws Exception;

    /** For the log: where messages go. */
    String describe();
}
