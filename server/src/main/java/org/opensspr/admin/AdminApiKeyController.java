package org.opensspr.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opensspr.apikeys.ApiKeyService;
import org.opensspr.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/api-keys}: keys for helpdesk tools and chatbots (ClientType Api). */
@RestController
class AdminApiKeyController {

    private final ApiKeyService keys;

    AdminApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping("/api/v1/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey issue(@RequestBody NewKey body, HttpServletRequest request) {
        return new IssuedKey(body.name(), keys.issue(body.name(), Callers.from(request)));
    }

    @GetMapping("/api/v1/admin/api-keys")
    KeyNames list() {
        return new KeyNames(keys.names());
    }

    @DeleteMapping("/api/v1/admin/api-keys/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String name, HttpServletRequest request) {
        keys.revoke(name, Callers.from(request));
    }

    record NewKey(String name) {}

    /** {@code key} is shown this once. */
    record IssuedKey(String name, String key) {}

    record KeyNames(List<String> names) {}
}
