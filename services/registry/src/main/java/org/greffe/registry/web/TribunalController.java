package org.greffe.registry.web;

import org.greffe.platform.settings.Tribunals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The tribunals of the reference data: where cases can be filed and transferred. */
@RestController
class TribunalController {

    private final Tribunals tribunals;

    TribunalController(Tribunals tribunals) {
        this.tribunals = tribunals;
    }

    @GetMapping("/api/tribunals")
    List<Tribunals.Tribunal> tribunals() {
        return tribunals.tribunals();
    }
}
