// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//!The blocking client (feature `blocking`), for programs without an async runtime.
use paypro_core::client::{
    Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply,
};
#[allow(unused_imports)]
use crate::*;
#[allow(unused_imports)]
use crate::advanced::*;
/// A blocking client for Paypro Indonesia: the same methods as [`crate::Client`], without `async`.
///
/// Without [`Config::base_url`] it talks to the Indonesia sandbox, `https://openapi-test.paypro.tech/indonesia-pay`; set the production URL Paypro gives you to move real money.
#[derive(Clone, Debug)]
pub struct Client {
    inner: paypro_core::client::blocking::Client,
}
impl Client {
    /// A client with `config`; fails only when no base URL can be decided.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        paypro_core::client::blocking::Client::new(&crate::country::COUNTRY, config)
            .map(|inner| Client { inner })
    }
    /// The country-independent client underneath, generic over endpoints.
    pub fn core(&self) -> &paypro_core::client::blocking::Client {
        &self.inner
    }
    /// `pay-in`: Create a pay-in (H2H): the payer pays through the returned payment URL, QR string or virtual account.
    ///
    /// `POST /v1/paypro/payIn` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    pub fn pay_in(&self, request: &PayInRequest) -> Result<Reply<PayInResponse>, Error> {
        self.inner.send(request)
    }
    /// After an uncertain [`Self::pay_in`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `query-pay-in` for `trade_no` until the order's status is final or `options.deadline` passes.
    pub fn reconcile_pay_in(
        &self,
        trade_no: impl Into<String>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<QueryPayInResponse>, Error> {
        let query = QueryPayInRequest::builder().trade_no(trade_no).build()?;
        self.inner.reconcile(&query, |r| r.status.as_ref(), options)
    }
    /// `cashier`: Create a payment link: a hosted cashier page where the payer chooses how to pay.
    ///
    /// `POST /v1/paypro/paymentLink` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    pub fn cashier(
        &self,
        request: &CashierRequest,
    ) -> Result<Reply<CashierResponse>, Error> {
        self.inner.send(request)
    }
    /// After an uncertain [`Self::cashier`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `query-pay-in` for `trade_no` until the order's status is final or `options.deadline` passes.
    pub fn reconcile_cashier(
        &self,
        trade_no: impl Into<String>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<QueryPayInResponse>, Error> {
        let query = QueryPayInRequest::builder().trade_no(trade_no).build()?;
        self.inner.reconcile(&query, |r| r.status.as_ref(), options)
    }
    /// `payout`: Create a payout to a bank account.
    ///
    /// `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a number · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    pub fn payout(
        &self,
        request: &PayoutRequest,
    ) -> Result<Reply<PayoutResponse>, Error> {
        self.inner.send(request)
    }
    /// After an uncertain [`Self::payout`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `query-payout` for `trade_no` until the order's status is final or `options.deadline` passes.
    pub fn reconcile_payout(
        &self,
        trade_no: impl Into<String>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<QueryPayoutResponse>, Error> {
        let query = QueryPayoutRequest::builder().trade_no(trade_no).build()?;
        self.inner.reconcile(&query, |r| r.status.as_ref(), options)
    }
    /// `query-pay-in`: Query a pay-in's result by the merchant's tradeNo.
    ///
    /// `POST /v1/paypro/queryPayInResult` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    pub fn query_pay_in(
        &self,
        request: &QueryPayInRequest,
    ) -> Result<Reply<QueryPayInResponse>, Error> {
        self.inner.send(request)
    }
    /// `query-payout`: Query a payout's result by the merchant's tradeNo.
    ///
    /// `POST /v1/paypro/queryPayOutResult` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    pub fn query_payout(
        &self,
        request: &QueryPayoutRequest,
    ) -> Result<Reply<QueryPayoutResponse>, Error> {
        self.inner.send(request)
    }
    /// `balance`: Query the merchant's balances.
    ///
    /// `POST /v1/paypro/queryBalance` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    pub fn balance(
        &self,
        request: &BalanceRequest,
    ) -> Result<Reply<BalanceResponse>, Error> {
        self.inner.send(request)
    }
    /// `account-verify`: Check a bank account and get its holder's name before paying out.
    ///
    /// `POST /v1/paypro/accountVerify` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    pub fn account_verify(
        &self,
        request: &AccountVerifyRequest,
    ) -> Result<Reply<AccountVerifyResponse>, Error> {
        self.inner.send(request)
    }
    /// `voucher`: Get the payment voucher (proof) PDF of a transaction.
    ///
    /// `POST /v1/paypro/indonesia/query/voucher` · sign in the `sign` header · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    pub fn voucher(
        &self,
        request: &VoucherRequest,
    ) -> Result<Reply<VoucherResponse>, Error> {
        self.inner.send(request)
    }
}
