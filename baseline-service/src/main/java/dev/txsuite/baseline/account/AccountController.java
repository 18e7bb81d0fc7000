package dev.txsuite.baseline.account;

import dev.txsuite.contract.account.AccountNotFound;
import dev.txsuite.contract.account.AccountView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A page of accounts, always by customer id, as payment-service answers it. */
    @GetMapping
    PagedModel<AccountView> list(Pageable pageable) {
        var page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return new PagedModel<>(accounts.page(page).map(Account::toView));
    }

    @GetMapping("/{customerId}")
    AccountView one(@PathVariable String customerId) {
        return accounts.find(customerId).map(Account::toView).orElseThrow(() -> new AccountNotFound(customerId));
    }
}
