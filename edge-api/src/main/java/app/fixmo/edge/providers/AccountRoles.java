package app.fixmo.edge.providers;

import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.http.ApiException;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.json.Json;

/** Finds what a signed-in caller is on FixMo, customer or provider, from the account view. */
public final class AccountRoles {

  private final ViewStore views;

  public AccountRoles(ViewStore views) {
    this.views = views;
  }

  /** Returns nothing when the caller is of the role; 403 with the refusal otherwise. */
  public void require(Caller caller, Role role, String refusal) {
    if (roleOf(caller) != role) {
      throw ApiException.forbidden(refusal);
    }
  }

  /** Returns the caller's role; 403 while the account is not in the cache. */
  public Role roleOf(Caller caller) {
    var account =
        views
            .read(AccountViews.ACCOUNT, caller.accountId())
            .orElseThrow(() -> ApiException.forbidden("the account is not in the cache yet"));
    return Json.read(account.body(), AccountViews.Account.class).role();
  }
}
