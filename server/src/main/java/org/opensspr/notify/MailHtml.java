package org.opensspr.notify;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of an email, made from its plain text so both parts always say the same: each
 * paragraph (text between blank lines) a {@code <p>}, line breaks kept, every character of the text
 * escaped (logins, names and addresses are user data), the code, where there is one, set large.
 * Inline styles only, no image, font, stylesheet or link to fetch: mail clients block external
 * resources and a message must read the same offline.
 */
final class MailHtml {

    private static final String BODY = "margin:0;padding:0;background-color:#f3f4f6;";
    private static final String PAGE = "max-width:560px;margin:0 auto;padding:24px 16px;"
            + "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;";
    private static final String CARD =
            "background-color:#ffffff;border:1px solid #d1d5db;border-radius:6px;padding:24px;";
    private static final String HEADING = "margin:0 0 16px 0;font-size:20px;line-height:1.3;color:#111827;";
    private static final String PARAGRAPH = "margin:0 0 16px 0;";
    private static final String CODE = "font-family:Consolas,Menlo,monospace;font-size:24px;font-weight:bold;"
            + "letter-spacing:3px;white-space:nowrap;color:#111827;";
    private static final String ORGANISATION = "margin:0 0 8px 0;font-size:14px;font-weight:bold;";
    private static final String FOOTER = "margin:16px 0 0 0;font-size:12px;color:#4b5563;";

    private MailHtml() {}

    /**
     * @param code the code in {@code text} to set large (digits), or null
     * @param footer a line under the message (who sent it)
     * @param organisation the branding's organisation name, shown above the heading and before the
     *     footer; null: none, as without branding
     * @param primary the branding's primary colour ({@code #rrggbb}, checked by {@code Branding}) for the
     *     card's top line and the organisation's name; null: the look without branding
     */
    static String render(
            Locale locale,
            String subject,
            String text,
            String code,
            String footer,
            String organisation,
            String primary) {
        String colour = primary != null && primary.matches("#[0-9a-fA-F]{6}") ? primary : null;
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(HtmlUtils.htmlEscape(locale.toLanguageTag()))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(subject))
                .append("</title>\n</head>\n<body style=\"")
                .append(BODY)
                .append("\">\n<div style=\"")
                .append(PAGE)
                .append("\">\n<div style=\"")
                .append(CARD)
                .append(colour == null ? "" : "border-top:4px solid " + colour + ";")
                .append("\">\n");
        if (organisation != null) {
            html.append("<p style=\"")
                    .append(ORGANISATION)
                    .append("color:")
                    .append(colour == null ? "#111827" : colour)
                    .append(";\">")
                    .append(escape(organisation))
                    .append("</p>\n");
        }
        html.append("<h1 style=\"")
                .append(HEADING)
                .append("\">")
                .append(escape(subject))
                .append("</h1>\n");
        boolean codeShown = false;
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            String escaped = escape(paragraph.strip()).replaceAll("\\R", "<br>\n");
            if (!codeShown && code != null && code.matches("[0-9A-Za-z]+") && escaped.contains(code)) {
                escaped = escaped.replace(code, "<strong style=\"" + CODE + "\">" + code + "</strong>");
                codeShown = true;
            }
            html.append("<p style=\"")
                    .append(PARAGRAPH)
                    .append("\">")
                    .append(escaped)
                    .append("</p>\n");
        }
        html.append("</div>\n<p style=\"")
                .append(FOOTER)
                .append("\">")
                .append(organisation == null ? "" : escape(organisation) + "<br>\n")
                .append(escape(footer))
                .append("</p>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
