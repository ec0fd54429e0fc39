{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#{{FIELD}}">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
{{#NEW_LINK}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="link-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="link-title">Secret link made</h2></div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">Copy your secret link now</p>
<p class="govuk-body"><label class="govuk-label" for="new-link">Anyone who has this address can see your {{NOUN}}:</label></p>
<input class="govuk-input tandem-secret-link" id="new-link" type="text" readonly value="{{URL}}" spellcheck="false">
<p class="govuk-body govuk-!-margin-top-2">Tandem keeps only a fingerprint of it, to keep it safe, so it cannot show it to you again. If you lose it, stop sharing it and make a new one.</p>
</div>
</div>
{{/NEW_LINK}}
<a class="govuk-back-link" href="{{EDITOR}}">{{TITLE}}</a>
<h1 class="govuk-heading-l">Who can see “{{TITLE}}”</h1>
<h2 class="govuk-heading-m" id="shares">Shared with</h2>
{{#NO_SHARES}}<p class="govuk-body">Nobody yet: only you can see this {{NOUN}}.</p>{{/NO_SHARES}}
{{#HAS_SHARES}}
<dl class="govuk-summary-list">
{{#SHARE}}
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">{{WHO}}</dt>
<dd class="govuk-summary-list__value">{{WHEN}}</dd>
<dd class="govuk-summary-list__actions">
<a href="{{EDITOR}}/shares/{{ID}}/revoke" role="button" draggable="false" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Stop sharing<span class="govuk-visually-hidden"> with {{WHO}}</span></a>
</dd>
</div>
{{/SHARE}}
</dl>
{{/HAS_SHARES}}
<p class="govuk-body"><a class="govuk-link" href="{{VIEWER}}">See your {{NOUN}} as they see it</a></p>
<h2 class="govuk-heading-m">Share it with more people</h2>
<form method="post" action="{{EDITOR}}/shares" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" id="audience">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Who should see it?</legend>
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="audience-person" name="audience" type="radio" value="person"{{#PERSON_CHECKED}} checked{{/PERSON_CHECKED}}>
<label class="govuk-label govuk-radios__label" for="audience-person">One person at your college</label>
</div>
<div class="govuk-radios__conditional">
<div class="govuk-form-group">
<label class="govuk-label" for="person">Their username or email address</label>
<input class="govuk-input govuk-!-width-two-thirds" id="person" name="person" type="text" value="{{PERSON}}" autocomplete="off" spellcheck="false">
</div>
</div>
{{#COHORT_CHOICE}}
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="audience-cohort" name="audience" type="radio" value="cohort"{{#COHORT_CHECKED}} checked{{/COHORT_CHECKED}}>
<label class="govuk-label govuk-radios__label" for="audience-cohort">Everyone in one of your groups</label>
</div>
<div class="govuk-radios__conditional">
<div class="govuk-form-group">
<label class="govuk-label" for="cohort_id">Group</label>
<select class="govuk-select" id="cohort_id" name="cohort_id">
{{#COHORT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{CODE}})</option>{{/COHORT}}
</select>
</div>
</div>
{{/COHORT_CHOICE}}
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="audience-supporters" name="audience" type="radio" value="supporters" aria-describedby="audience-supporters-hint"{{#SUPPORTERS_CHECKED}} checked{{/SUPPORTERS_CHECKED}}>
<label class="govuk-label govuk-radios__label" for="audience-supporters">Your tutors and mentors</label>
<div id="audience-supporters-hint" class="govuk-hint govuk-radios__hint">Whoever teaches or mentors you at the time, as that changes.</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="audience-college" name="audience" type="radio" value="college"{{#COLLEGE_CHECKED}} checked{{/COLLEGE_CHECKED}}>
<label class="govuk-label govuk-radios__label" for="audience-college">Everyone at {{COLLEGE}}</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="audience-link" name="audience" type="radio" value="link" aria-describedby="audience-link-hint"{{#LINK_CHECKED}} checked{{/LINK_CHECKED}}>
<label class="govuk-label govuk-radios__label" for="audience-link">Anyone with a secret link</label>
<div id="audience-link-hint" class="govuk-hint govuk-radios__hint">For someone outside college, like an employer or a university. You can stop the link at any time.</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="audience-public" name="audience" type="radio" value="public" aria-describedby="audience-public-hint"{{#PUBLIC_CHECKED}} checked{{/PUBLIC_CHECKED}}>
<label class="govuk-label govuk-radios__label" for="audience-public">Anyone, on the internet</label>
<div id="audience-public-hint" class="govuk-hint govuk-radios__hint">Think before you choose this: anyone can find and read it, without signing in.</div>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="starts_on">From (optional)</label>
<div class="govuk-hint" id="starts_on-hint">Leave empty to share from today.</div>
<input class="govuk-input govuk-input--width-10" id="starts_on" name="starts_on" type="date" value="{{STARTS_ON}}" aria-describedby="starts_on-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="ends_on">Until (optional)</label>
<div class="govuk-hint" id="ends_on-hint">The last day they can see it. Leave empty to share until you stop it.</div>
<input class="govuk-input govuk-input--width-10" id="ends_on" name="ends_on" type="date" value="{{ENDS_ON}}" aria-describedby="ends_on-hint">
</div>
<button type="submit" class="govuk-button">Share</button>
</form>
</div>
</div>
