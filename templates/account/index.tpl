{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#current">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<h1 class="govuk-heading-l">Your account</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Name</dt><dd class="govuk-summary-list__value">{{DISPLAY_NAME}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="/account/profile">Change<span class="govuk-visually-hidden"> your profile</span></a></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Username</dt><dd class="govuk-summary-list__value">{{USERNAME}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="/u/{{USERNAME:u}}">View<span class="govuk-visually-hidden"> your profile page</span></a></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Email</dt><dd class="govuk-summary-list__value">{{EMAIL}}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="/account/notifications">Choose what is emailed<span class="govuk-visually-hidden"> to you</span></a></dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Roles</dt><dd class="govuk-summary-list__value">{{ROLES}}</dd><dd class="govuk-summary-list__actions"></dd></div>
</dl>
<p class="govuk-body">Your college's Tandem administrator looks after your email address and roles.</p>

<h2 class="govuk-heading-m" id="password-heading">Change your password</h2>
<form method="post" action="/account/password" novalidate aria-labelledby="password-heading">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label" for="current">Current password</label>
<input class="govuk-input govuk-!-width-one-half" id="current" name="current" type="password" autocomplete="current-password">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="password">New password</label>
<div class="govuk-hint" id="password-hint">At least 10 characters. A few unrelated words make a strong password that is easy to remember.</div>
<input class="govuk-input govuk-!-width-one-half" id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="confirm">New password again</label>
<input class="govuk-input govuk-!-width-one-half" id="confirm" name="confirm" type="password" autocomplete="new-password">
</div>
<button type="submit" class="govuk-button">Change password</button>
</form>

<h2 class="govuk-heading-m">Where you are signed in</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="sessions-caption" tabindex="0">
<table class="govuk-table">
<caption id="sessions-caption" class="govuk-table__caption govuk-visually-hidden">Your sessions</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Browser</th>
<th scope="col" class="govuk-table__header">Signed in</th>
<th scope="col" class="govuk-table__header">Last active</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
</tr></thead>
<tbody class="govuk-table__body">
{{#SESSION}}
<tr class="govuk-table__row">
<td class="govuk-table__cell">{{BROWSER}}{{#CURRENT}} <strong class="govuk-tag">This browser</strong>{{/CURRENT}}</td>
<td class="govuk-table__cell">{{CREATED}}</td>
<td class="govuk-table__cell">{{SEEN}}</td>
<td class="govuk-table__cell">{{#OTHER}}<form method="post" action="/account/sessions/end">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="session_id" value="{{ID}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Sign out<span class="govuk-visually-hidden"> {{BROWSER}}, last active {{SEEN}}</span></button>
</form>{{/OTHER}}</td>
</tr>
{{/SESSION}}
</tbody>
</table>
</div>
{{#HAS_OTHERS}}
<form method="post" action="/account/sessions/end-others">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--warning">Sign out everywhere else</button>
</form>
{{/HAS_OTHERS}}
</div>
</div>
