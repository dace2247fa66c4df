package org.opensspr.branding;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.system.JdbcSettings;
import org.opensspr.system.SettingsChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads and changes the branding and its logo. Every change is audited as {@link Activity#UPDATE_BRANDING}
 * (the fields with before and after, or the logo's type, size and SHA-256). The portal's templates read
 * {@link #forPage()} through this bean ({@code @brandingService}); mails {@link #current()} through
 * {@code notify.MessageTexts}.
 */
@Service
public class BrandingService {

    private static final Logger log = LoggerFactory.getLogger(BrandingService.class);
    private static final String PAGE_ATTRIBUTE = BrandingService.class.getName() + ".page";

    private final JdbcSettings settings;
    private final JdbcLogoRepository logos;
    private final SettingsChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    BrandingService(
            JdbcSettings settings, JdbcLogoRepository logos, SettingsChanges changes, AuditLog audit, Clock clock) {
        this.settings = settings;
        settings.register(StoredBranding.SETTING);
        this.logos = logos;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    public Branding current() {
        return settings.load(StoredBranding.SETTING)
                .map(StoredBranding::branding)
                .orElse(Branding.DEFAULT);
    }

    /**
     * What a page shows, read once per request (the layout and the error summary share it). While the
     * database cannot answer, today's look without a logo: the page that says so must still render.
     */
    public PageBranding forPage() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(PAGE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                        instanceof PageBranding cached) {
            return cached;
        }
        PageBranding page;
        try {
            page = new PageBranding(current(), logos.version().orElse(null));
        } catch (DataAccessException e) {
            log.debug("Branding unavailable, the page shows the default look: {}", e.getMessage());
            page = new PageBranding(Branding.DEFAULT, null);
        }
        if (request != null) {
            request.setAttribute(PAGE_ATTRIBUTE, page, RequestAttributes.SCOPE_REQUEST);
        }
        return page;
    }

    /**
     * The branding of a page and the version of its logo.
     *
     * @param logoVersion the logo's SHA-256, for a link that changes with it; null without a logo
     */
    public record PageBranding(Branding branding, String logoVersion) {

        /** The organisation's name, or null (the page shows "OpenSSPR"). */
        public String organisationName() {
            return branding.organisationName();
        }

        /** The helpdesk text in {@code locale}'s language, or null. */
        public String helpdeskText(Locale locale) {
            return branding.helpdeskText(locale);
        }
    }

    /** Stores {@code branding} in place of the current one; audited with each changed field's before and after. */
    @Transactional
    public Branding update(Branding branding, Caller admin) {
        Branding before = current();
        settings.save(StoredBranding.SETTING, StoredBranding.of(branding));
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.UPDATE_BRANDING,
                AuditResult.Success,
                admin,
                "branding",
                changes.between(before, branding, Set.of())));
        return branding;
    }

    /** The logo, when one was uploaded. */
    public Optional<Logo> logo() {
        return logos.find();
    }

    /**
     * Checks and stores a new logo ({@link LogoCheck}); audited with its type, size and SHA-256.
     *
     * @throws org.opensspr.system.InvalidInput when the bytes are no acceptable PNG or SVG; nothing is stored
     */
    @Transactional
    public Logo replaceLogo(byte[] content, String contentType, Caller admin) {
        Logo logo = LogoCheck.check(content, contentType);
        logos.save(logo);
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.UPDATE_BRANDING,
                AuditResult.Success,
                admin,
                "branding logo",
                "logo: " + logo.contentType() + ", " + logo.content().length + " bytes, sha256 " + logo.sha256()));
        return logo;
    }

    /** Removes the logo; audited when there was one. Whether there was one. */
    @Transactional
    public boolean removeLogo(Caller admin) {
        boolean removed = logos.delete();
        if (removed) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.UPDATE_BRANDING,
                    AuditResult.Success,
                    admin,
                    "branding logo",
                    "logo removed"));
        }
        return removed;
    }

    /**
     * The stylesheet that gives the portal the branding's colours ({@code /branding.css}, loaded after
     * {@code portal.css}, whose custom properties it sets): no inline style, so the CSP stays {@code style-src 'self'}.
     * The colours are checked {@code #rrggbb} values, so nothing else can get into the CSS.
     */
    public String stylesheet() {
        Branding branding = current();
        return ":root {\n  --sspr-primary: " + branding.primary() + ";\n  --sspr-accent: " + branding.accent()
                + ";\n}\n";
    }
}
