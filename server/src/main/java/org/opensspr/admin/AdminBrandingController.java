package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.opensspr.branding.Branding;
import org.opensspr.branding.BrandingService;
import org.opensspr.branding.Logo;
import org.opensspr.system.MergePatches;
import org.opensspr.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/admin/branding}: the organisation's name, colours and helpdesk text (GET, PUT to replace
 * them whole, PATCH with a JSON merge patch to change some; both validated alike and audited with before
 * and after) and its logo ({@code PUT .../logo} with the image as the body, {@code DELETE .../logo}).
 */
@Tag(
        name = "Admin: branding",
        description =
                "The organisation's name, colours, helpdesk text and link, and logo, applied to the portal and mails.")
@RestController
class AdminBrandingController {

    private final BrandingService branding;
    private final MergePatches patches;

    AdminBrandingController(BrandingService branding, MergePatches patches) {
        this.branding = branding;
        this.patches = patches;
    }

    @Operation(summary = "Read the branding", description = "The branding in force, defaults included.")
    @ApiResponse(responseCode = "200", description = "The branding.")
    @GetMapping("/api/v1/admin/branding")
    Branding get() {
        return branding.current();
    }

    /** Replaces the branding whole: fields left out take their defaults ({@code PUT {}} restores the default look). */
    @Operation(
            summary = "Replace the branding",
            description =
                    "Replaces the branding whole: fields left out take their defaults (`PUT {}` restores the default look). Validated (colours need enough contrast) and audited with before and after.")
    @ApiResponse(responseCode = "200", description = "The branding as stored.")
    @ApiResponse(responseCode = "400", description = "The branding is not valid (`invalid-request`).")
    @PutMapping("/api/v1/admin/branding")
    Branding put(@RequestBody Branding body, HttpServletRequest request) {
        return branding.update(body, Callers.from(request));
    }

    /** Changes only the fields the body names (RFC 7396); {@code null} gives a field its default. */
    @Operation(
            summary = "Change some branding fields",
            description =
                    "Changes only the fields the body names (JSON merge patch, RFC 7396); `null` gives a field its default. Validated and audited as a PUT.")
    @ApiResponse(responseCode = "200", description = "The branding as stored.")
    @ApiResponse(responseCode = "400", description = "The merged branding is not valid (`invalid-request`).")
    @PatchMapping(
            path = "/api/v1/admin/branding",
            consumes = {AdminPolicyController.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    Branding patch(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The fields to change; `null` gives a field its default.",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"organisationName\": \"Example University\", \"primaryColour\": \"#0b3d91\"}")))
                    @RequestBody
                    JsonNode patch,
            HttpServletRequest request) {
        return branding.update(patches.apply(branding.current(), patch, Branding.class), Callers.from(request));
    }

    /**
     * The logo: a PNG or an SVG of at most 100 KB, the image itself as the body with its Content-Type.
     * Answers its type, size and SHA-256.
     */
    @Operation(
            summary = "Upload the logo",
            description =
                    "The logo: a PNG or an SVG of at most 100 KB, the image itself as the body with its Content-Type (`image/png` or `image/svg+xml`). Answers its type, size and SHA-256.")
    @ApiResponse(responseCode = "200", description = "The stored logo's `contentType`, `size` and `sha256`.")
    @ApiResponse(responseCode = "400", description = "Not a PNG or a safe SVG, or too large.")
    @PutMapping(
            path = "/api/v1/admin/branding/logo",
            consumes = {Logo.PNG, Logo.SVG})
    Map<String, Object> putLogo(
            @RequestBody byte[] content,
            @RequestHeader("Content-Type") String contentType,
            HttpServletRequest request) {
        Logo logo = branding.replaceLogo(content, contentType, Callers.from(request));
        return Map.of("contentType", logo.contentType(), "size", logo.content().length, "sha256", logo.sha256());
    }

    /** Removes the logo: {@code 204}, also when there was none. */
    @Operation(summary = "Remove the logo", description = "Removes the logo: `204`, also when there was none.")
    @ApiResponse(responseCode = "204", description = "The logo is gone.")
    @DeleteMapping("/api/v1/admin/branding/logo")
    ResponseEntity<Void> deleteLogo(HttpServletRequest request) {
        branding.removeLogo(Callers.from(request));
        return ResponseEntity.noContent().build();
    }
}
