package org.pult.app.softphone;

import java.util.Optional;
import org.pult.core.model.Customer;

/** Finds the customer behind a caller's number, for the incoming-call popup and the call panel. */
@FunctionalInterface
public interface CustomerDirectory {

    CustomerDirectory NONE = number -> Optional.empty();

    /** @param number the caller's number as it arrived (E.164, national or an extension) */
    Optional<Customer> byPhone(String number);
}
