// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//!The async client (feature `client`, on by default).
use paypro_core::client::{
    Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply,
};
#[allow(unused_imports)]
use crate::*;
#[allow(unused_imports)]
use crate::advanced::*;
/// An async client for Paypro Mexico: one method per endpoint.
///
/// Without [`Config::base_url`] it talks to the Mexico sandbox, `https://openapi-sa-test.paypro.tech/mex-pay`; set the production URL Paypro gives you to move real money.
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use paypro_mx::{Client, Config, Secret};
/// let client = Client::new(Config::new("0000000001", Secret::new(std::env::var("PAYPRO_SECRET")?)?).base_url("https://gateway.example"))?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: paypro_core::client::Client,
}
impl Client {
    /// A client with `config`; fails only when no base URL can be decided.
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        paypro_core::client::Client::new(&crate::country::COUNTRY, config)
            .map(|inner| Client { inner })
    }
    /// The country-independent client underneath, generic over endpoints.
    pub fn core(&self) -> &paypro_core::client::Client {
        &self.inner
    }
    /// `pay-in`: Create a pay-in (H2H, no hosted page): the payer pays at a convenience store or by CLABE transfer using the returned payment information.
    ///
    /// `POST /v1/paypro/payInApi` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_mx::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_mx::PayInRequest::builder()
    ///     .trade_no("test_00000008")
    ///     .amount(300)
    ///     .mobile("15745896325")
    ///     .email("kevin@example.com")
    ///     .payer("kevin zhang")
    ///     .way_code(paypro_mx::pay_in::WayCode::Va)
    ///     .notify_url("https://google.com")
    ///     .return_url("http://abc.com/callback_page")
    ///     .remark("test")
    ///     .build()?;
    /// let reply = client.pay_in(&request).await?;
    /// println!("{:?}", reply.data);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn pay_in(
        &self,
        request: &PayInRequest,
    ) -> Result<Reply<PayInResponse>, Error> {
        self.inner.send(request).await
    }
    /// After an uncertain [`Self::pay_in`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `query-pay-in` for `trade_no` until the order's status is final or `options.deadline` passes.
    pub async fn reconcile_pay_in(
        &self,
        trade_no: impl Into<String>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<QueryPayInResponse>, Error> {
        let query = QueryPayInRequest::builder().trade_no(trade_no).build()?;
        self.inner.reconcile(&query, |r| r.status.as_ref(), options).await
    }
    /// `cashier`: Create a payment link: a hosted cashier page where the payer chooses how to pay.
    ///
    /// `POST /v1/paypro/paymentLink` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_mx::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_mx::CashierRequest::builder()
    ///     .trade_no("test_00000008")
    ///     .amount(300)
    ///     .mobile("15745896325")
    ///     .email("kevin@example.com")
    ///     .payer("kevin zhang")
    ///     .way_code(paypro_mx::cashier::WayCode::Store)
    ///     .notify_url("https://google.com")
    ///     .return_url("http://abc.com/callback_page")
    ///     .build()?;
    /// let reply = client.cashier(&request).await?;
    /// println!("{:?}", reply.data);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn cashier(
        &self,
        request: &CashierRequest,
    ) -> Result<Reply<CashierResponse>, Error> {
        self.inner.send(request).await
    }
    /// After an uncertain [`Self::cashier`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `query-pay-in` for `trade_no` until the order's status is final or `options.deadline` passes.
    pub async fn reconcile_cashier(
        &self,
        trade_no: impl Into<String>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<QueryPayInResponse>, Error> {
        let query = QueryPayInRequest::builder().trade_no(trade_no).build()?;
        self.inner.reconcile(&query, |r| r.status.as_ref(), options).await
    }
    /// `payout`: Create a payout to a debit card or a CLABE account.
    ///
    /// `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_mx::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_mx::PayoutRequest::builder()
    ///     .trade_no("test_00000001")
    ///     .way_code("40012")
    ///     .amount(300)
    ///     .customer_name("kevin zhang")
    ///     .customer_mobile("15745896325")
    ///     .customer_email("kevin@example.com")
    ///     .customer_account_type(paypro_mx::payout::CustomerAccountType::Clabe)
    ///     .customer_account("012180000000000015")
    ///     .notify_url("https://google.com")
    ///     .remark("test")
    ///     .build()?;
    /// let reply = client.payout(&request).await?;
    /// println!("{:?}", reply.data);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn payout(
        &self,
        request: &PayoutRequest,
    ) -> Result<Reply<PayoutResponse>, Error> {
        self.inner.send(request).await
    }
    /// After an uncertain [`Self::payout`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `query-payout` for `trade_no` until the order's status is final or `options.deadline` passes.
    pub async fn reconcile_payout(
        &self,
        trade_no: impl Into<String>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<QueryPayoutResponse>, Error> {
        let query = QueryPayoutRequest::builder().trade_no(trade_no).build()?;
        self.inner.reconcile(&query, |r| r.status.as_ref(), options).await
    }
    /// `query-pay-in`: Query a pay-in's result by the merchant's tradeNo.
    ///
    /// `POST /v1/paypro/queryPayInResult` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_mx::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_mx::QueryPayInRequest::builder()
    ///     .trade_no("test_00000008")
    ///     .build()?;
    /// let reply = client.query_pay_in(&request).await?;
    /// println!("{:?}", reply.data);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn query_pay_in(
        &self,
        request: &QueryPayInRequest,
    ) -> Result<Reply<QueryPayInResponse>, Error> {
        self.inner.send(request).await
    }
    /// `query-payout`: Query a payout's result by the merchant's tradeNo.
    ///
    /// `POST /v1/paypro/queryPayOutResult` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_mx::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_mx::QueryPayoutRequest::builder()
    ///     .trade_no("test_00000002")
    ///     .build()?;
    /// let reply = client.query_payout(&request).await?;
    /// println!("{:?}", reply.data);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn query_payout(
        &self,
        request: &QueryPayoutRequest,
    ) -> Result<Reply<QueryPayoutResponse>, Error> {
        self.inner.send(request).await
    }
    /// `balance`: Query the merchant's balances.
    ///
    /// `POST /v1/paypro/queryBalance` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
    ///
    /// Retried on `NotSent` and `Unknown` within the configured `RetryPolicy`.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_mx::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_mx::BalanceRequest::builder()
    ///     .build()?;
    /// let reply = client.balance(&request).await?;
    /// println!("{:?}", reply.data);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn balance(
        &self,
        request: &BalanceRequest,
    ) -> Result<Reply<BalanceResponse>, Error> {
        self.inner.send(request).await
    }
}
impl paypro_core::client::OrderQuery for Client {
    fn core(&self) -> &paypro_core::client::Client {
        &self.inner
    }
    async fn query_order(
        &self,
        flow: paypro_core::notify::Flow,
        trade_no: &str,
    ) -> Result<Option<paypro_core::order::Event>, Error> {
        match flow {
            paypro_core::notify::Flow::PayIn => {
                let query = QueryPayInRequest::builder().trade_no(trade_no).build()?;
                Ok(self.inner.send(&query).await?.data.order_event())
            }
            paypro_core::notify::Flow::Payout => {
                let query = QueryPayoutRequest::builder().trade_no(trade_no).build()?;
                Ok(self.inner.send(&query).await?.data.order_event())
            }
        }
    }
}
