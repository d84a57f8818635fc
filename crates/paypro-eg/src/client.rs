// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//!The async client (feature `client`, on by default).
use paypro_core::client::{
    Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply,
};
#[allow(unused_imports)]
use crate::*;
#[allow(unused_imports)]
use crate::advanced::*;
/// An async client for Paypro Egypt: one method per endpoint.
///
/// The docs give no sandbox URL for Egypt, so [`Config::base_url`] is required: without it `new` fails with [`ConfigError::NoBaseUrl`].
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use paypro_eg::{Client, Config, Secret};
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
    /// `pay-in`: Create a pay-in: the payer is sent to Paypro's cashier and returns to returnUrl.
    ///
    /// `POST /v1/paypro/payIn` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_eg::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_eg::PayInRequest::builder()
    ///     .payer("kevin zhang")
    ///     .amount(300)
    ///     .remark("test")
    ///     .trade_no("test_00000008")
    ///     .mobile("6789123456")
    ///     .email("sdkjfksdjfk@gmail.com")
    ///     .notify_url("https://google.com")
    ///     .return_url("http://abc.com/callback_page")
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
    /// `payout`: Create a payout to an e-wallet.
    ///
    /// `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
    ///
    /// Sent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use paypro_eg::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_eg::PayoutRequest::builder()
    ///     .customer_name("kevin")
    ///     .amount(300)
    ///     .remark("test")
    ///     .trade_no("test_00000001")
    ///     .notify_url("https://google.com")
    ///     .wallet_id("01123456789")
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
    /// use paypro_eg::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_eg::QueryPayInRequest::builder()
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
    /// use paypro_eg::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_eg::QueryPayoutRequest::builder()
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
    /// use paypro_eg::{Client, Config, Secret};
    ///
    /// let client = Client::new(Config::new("0000000001", Secret::new("app-secret")?).base_url("https://gateway.example"))?;
    /// let request = paypro_eg::BalanceRequest::builder()
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
