package org.opensspr.branding;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * What every page needs from the branding, public and without a session: {@code GET /branding.css}
 * (the colours; revalidated on every use, so a change shows at once) and {@code GET /branding/logo}
 * (cached for an hour, revalidated by its ETag; the portal links it with {@code ?v=<sha256>}). Both are
 * sent with {@code X-Content-Type-Options: nosniff}; the logo also with a CSP that lets an SVG run
 * nothing and fetch nothing, even when opened on its own.
 */
@RestController
class BrandingController {

    /** An SVG opened directly: no script, no fetch, only its own inline styles; sandboxed. */
    static final String LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final BrandingService branding;

    BrandingController(BrandingService branding) {
        this.branding = branding;
    }

    @GetMapping("/branding.css")
    ResponseEntity<byte[]> stylesheet(WebRequest request) {
        byte[] css = branding.stylesheet().getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + LogoCheck.sha256(css).substring(0, 32) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .body(css);
    }

    @GetMapping("/branding/logo")
    ResponseEntity<byte[]> logo(WebRequest request) {
        Logo logo = branding.logo().orElseThrow(() -> Problems.of(ProblemCode.LOGO_NOT_FOUND));
        String etag = "\"" + logo.sha256() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
                .eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", LOGO_CSP)
                .header("Content-Disposition", "inline; filename=\"logo." + (logo.isSvg() ? "svg" : "png") + "\"")
                .body(logo.content());
    }
}
