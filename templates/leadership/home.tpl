{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#year-current">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<h1 class="govuk-heading-l">Leadership plans</h1>
<p class="govuk-body">Your Personalised Leadership Plan: your profile, the goals you set in response to it, what you do to reach them, your reflections, and your reviews with your line manager. It is yours and your line manager's to read, and anyone else's you choose.</p>
{{#ANY_OWED}}
<div class="govuk-inset-text">
<h2 class="govuk-heading-m">Feedback asked of you</h2>
<ul class="govuk-list">
{{#OWED}}<li><a class="govuk-link" href="/leadership/feedback/{{ID}}">{{OWNER}} asks for your feedback ({{INSTRUMENT}})</a>, since {{OPENED}}</li>
{{/OWED}}
</ul>
</div>
{{/ANY_OWED}}
<h2 class="govuk-heading-m">Your plans</h2>
{{#NO_PLANS}}<p class="govuk-body">You have no leadership plan yet.</p>{{/NO_PLANS}}
<ul class="govuk-list">
{{#PLAN}}<li><a class="govuk-link" href="/leadership/plans/{{ID}}">Your plan for {{YEAR}}</a>: {{ACHIEVED}} of {{GOALS}} goals achieved <strong class="govuk-tag govuk-tag--grey">{{STANDING}}</strong></li>
{{/PLAN}}
</ul>
{{#NOT_STAFF}}<p class="govuk-body">Leadership plans are kept by members of staff.</p>{{/NOT_STAFF}}
{{#START}}
<form method="post" action="/leadership/plans" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Start a plan for</legend>
<div class="govuk-radios" data-module="govuk-radios">
{{#YEAR}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="year-{{CHOICE}}" name="year" type="radio" value="{{CHOICE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="year-{{CHOICE}}">{{YEAR}}{{#CARRY}} (your latest plan has {{N}} unfinished goals){{/CARRY}}</label></div>
{{/YEAR}}
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="carry" name="carry" type="checkbox" value="yes"{{#CARRY_CHECKED}} checked{{/CARRY_CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="carry">Start from the unfinished goals of my latest plan, with the profile results they respond to</label></div>
</div>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="aspiration">Your aspiration for the year (optional)</label>
<div class="govuk-hint" id="aspiration-hint">What kind of leader do you want to become? One or two sentences you and your line manager can come back to.</div>
<textarea class="govuk-textarea" id="aspiration" name="aspiration" rows="3" aria-describedby="aspiration-hint">{{ASPIRATION:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Start the plan</button>
</form>
{{/START}}
{{#ANY_SHARED}}
<h2 class="govuk-heading-m">Plans shared with you</h2>
<ul class="govuk-list">
{{#SHARED}}<li><a class="govuk-link" href="/leadership/plans/{{ID}}">{{OWNER}}'s plan for {{YEAR}}</a></li>
{{/SHARED}}
</ul>
{{/ANY_SHARED}}
{{#HAS_TEAM}}
<h2 class="govuk-heading-m">Your team</h2>
<p class="govuk-body"><a class="govuk-link" href="/leadership/team">Your team's leadership plans</a>: the plans of the people you line-manage, with what is due.</p>
{{/HAS_TEAM}}
{{#LEADER}}<p class="govuk-body"><a class="govuk-link" href="/leadership/college">Leadership development across the college</a>: themes, activities and progress by department, in aggregate.</p>{{/LEADER}}
</div>
</div>
