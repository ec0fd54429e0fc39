{{%AUTOESCAPE context="HTML"}}
<a class="govuk-back-link" href="/admin">Administration</a>
<h1 class="govuk-heading-l">Safeguarding: private threads</h1>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<p class="govuk-body">Threads are private to the people in them. Here you see only who is in each and when they wrote; to read one, you give a reason, which is recorded and told to them.</p>
<form method="get" action="/admin/threads">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="user">Username</label>
<input class="govuk-input govuk-input--width-20" id="user" name="user" type="text" value="{{USER}}" spellcheck="false">
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Find their threads</button>
</form>
</div></div>
{{#NONE}}<p class="govuk-body">Nobody with that username at your college is in a thread.</p>{{/NONE}}
{{#TABLE}}
<div class="tandem-table-scroll" role="region" aria-labelledby="threads-caption" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden" id="threads-caption">Threads they are in</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Between</th><th scope="col" class="govuk-table__header">Since</th><th scope="col" class="govuk-table__header">Latest</th><th scope="col" class="govuk-table__header">Messages</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th></tr></thead>
<tbody class="govuk-table__body">
{{#THREAD}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{MEMBERS}}</td><td class="govuk-table__cell">{{SINCE}}</td><td class="govuk-table__cell">{{LATEST}}</td><td class="govuk-table__cell">{{COUNT}}</td><td class="govuk-table__cell"><a class="govuk-link" href="/admin/threads/{{ID}}">Read for safeguarding<span class="govuk-visually-hidden">: thread between {{MEMBERS}}</span></a></td></tr>
{{/THREAD}}
</tbody>
</table>
</div>
{{/TABLE}}
