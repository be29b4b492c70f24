package com.example.shop.loyalty.points.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.loyalty.points.AdjustmentRefusedException;
import com.example.shop.loyalty.points.Adjustments;
import com.example.shop.loyalty.points.CustomerId;
import com.example.shop.loyalty.points.Holds;
import com.example.shop.loyalty.points.LedgerEntry;
import com.example.shop.loyalty.points.LoyaltyReads;
import com.example.shop.loyalty.points.Problems;
import com.example.shop.loyalty.points.web.LoyaltyViews.AdjustmentView;
import com.example.shop.loyalty.points.web.LoyaltyViews.AdminAccountView;
import com.example.shop.loyalty.points.web.LoyaltyViews.EntryView;
import com.example.shop.loyalty.points.web.LoyaltyViews.HoldView;
import com.example.shop.loyalty.points.web.LoyaltyViews.LedgerPageView;
import com.example.shop.loyalty.points.web.LoyaltyViews.LoyaltyView;
import com.example.shop.loyalty.points.web.LoyaltyViews.ProblemView;

/** Administrators (role ADMIN): a customer's account, ledger, holds and problems; adjustments. */
@RestController
@RequestMapping("/api/admin/loyalty/{customerId}")
class AdminLoyaltyController {

    private final LoyaltyReads reads;
    private final Holds holds;
    private final Problems problems;
    private final Adjustments adjustments;

    AdminLoyaltyController(LoyaltyReads reads, Holds holds, Problems problems, Adjustments adjustments) {
        this.reads = reads;
        this.holds = holds;
        this.problems = problems;
        this.adjustments = adjustments;
    }

    @GetMapping
    AdminAccountView account(@PathVariable UUID customerId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(CustomerLoyaltyController.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(CustomerLoyaltyController.MAX_PAGE_SIZE) int size) {
        var customer = new CustomerId(customerId);
        return new AdminAccountView(LoyaltyView.of(reads.summary(customer)),
                LedgerPageView.of(reads.ledger(customer, page, size)),
                holds.of(customer).stream().map(HoldView::of).toList(),
                problems.of(customer).stream().map(ProblemView::of).toList());
    }

    /** Idempotent per {@code adjustmentId}: 200 with the entry, the first one when asked again. */
    @PostMapping("/adjustments")
    AdjustmentView adjust(@PathVariable UUID customerId, @Valid @RequestBody AdjustmentRequest request) {
        if (request.points() == 0) {
            throw LoyaltyProblems.badRequest("An adjustment moves points: points must not be 0.");
        }
        var customer = new CustomerId(customerId);
        LedgerEntry entry;
        try {
            entry = adjustments.adjust(customer, request.points(), request.reason().strip(), request.adjustmentId());
        }
        catch (AdjustmentRefusedException ex) {
            throw switch (ex.reason()) {
                case INSUFFICIENT_POINTS -> LoyaltyProblems.unprocessable(ex.getMessage(), "insufficient-points");
                case CUSTOMER_DELETED -> LoyaltyProblems.unprocessable(ex.getMessage(), "customer-deleted");
                case ADJUSTMENT_ID_REUSED -> LoyaltyProblems.conflict(ex.getMessage(), "adjustment-id-reused");
            };
        }
        catch (DataIntegrityViolationException ex) {
            // The same adjustment id used at the same moment for another customer: the unique index decided.
            throw LoyaltyProblems.conflict("Adjustment " + request.adjustmentId() + " was already made.",
                    "adjustment-id-reused");
        }
        return new AdjustmentView(EntryView.of(entry), LoyaltyView.of(reads.summary(customer)));
    }
}
