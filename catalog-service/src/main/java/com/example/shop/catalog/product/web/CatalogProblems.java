package com.example.shop.catalog.product.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.shop.catalog.product.CategoryNotFoundException;
import com.example.shop.catalog.product.DuplicateCategoryException;
import com.example.shop.catalog.product.DuplicateSkuException;
import com.example.shop.catalog.product.InvalidCatalogDataException;
import com.example.shop.catalog.product.ProductNotFoundException;
import com.example.shop.catalog.product.StatusTransitionException;
import com.example.shop.catalog.product.StockBelowReservedException;
import com.example.shop.catalog.product.VariantNotFoundException;

/**
 * The catalogue's own refusals as problem details. Ordered before platform/web-support's handler, whose
 * catch-all would otherwise answer them with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

    @ExceptionHandler({ ProductNotFoundException.class, VariantNotFoundException.class, CategoryNotFoundException.class })
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler({ DuplicateSkuException.class, DuplicateCategoryException.class, StatusTransitionException.class,
            StockBelowReservedException.class })
    ProblemDetail conflict(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidCatalogDataException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }
}
