package org.lifecircle.web.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The page's text from {@code i18n/messages_<lang>.properties} (UTF-8), Chinese first. A key
 * missing in English falls back to Chinese, never to a blank label.
 */
@Component
class MessageBundles {
    static final List<String> LANGUAGES = List.of("zh", "en");
    private static final String BASE_NAME = "i18n.messages";

    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    Map<String, String> messages(String language) {
        return cache.computeIfAbsent(language, MessageBundles::load);
    }

    private static Map<String, String> load(String language) {
        Map<String, String> messages = new TreeMap<>();
        ResourceBundle chinese = bundle("zh");
        chinese.keySet().forEach(key -> messages.put(key, chinese.getString(key)));
        if (!language.equals("zh")) {
            ResourceBundle other = bundle(language);
            other.keySet().forEach(key -> messages.put(key, other.getString(key)));
        }
        return Map.copyOf(messages);
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(
                BASE_NAME,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
