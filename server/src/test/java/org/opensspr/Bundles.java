package org.opensspr;

import java.nio.charset.StandardCharsets;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The server's message bundles as the application reads them ({@code spring.messages.*}), for unit tests. */
public final class Bundles {

    private Bundles() {}

    public static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/questions");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
