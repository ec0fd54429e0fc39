{{%AUTOESCAPE context="HTML"}}
<span class="govuk-caption-l">{{SCOPE}}</span>
<h1 class="govuk-heading-l">Administration</h1>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Active people</dt>
<dd class="govuk-summary-list__value">{{ACTIVE}}</dd>
<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/admin/users?status=active">View<span class="govuk-visually-hidden"> active people</span></a></dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Suspended people</dt>
<dd class="govuk-summary-list__value">{{SUSPENDED}}</dd>
<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/admin/users?status=suspended">View<span class="govuk-visually-hidden"> suspended people</span></a></dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Courses</dt>
<dd class="govuk-summary-list__value">{{COURSES}}</dd>
<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/admin/courses">View<span class="govuk-visually-hidden"> courses</span></a></dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Cohorts</dt>
<dd class="govuk-summary-list__value">{{COHORTS}}</dd>
<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/admin/cohorts">View<span class="govuk-visually-hidden"> cohorts</span></a></dd>
</div>
{{#SITE}}
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Colleges</dt>
<dd class="govuk-summary-list__value">{{COLLEGES}}</dd>
<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/admin/institutions">View<span class="govuk-visually-hidden"> colleges</span></a></dd>
</div>
{{/SITE}}
</dl>
</div>
</div>
<h2 class="govuk-heading-m">Sections</h2>
<ul class="govuk-list govuk-list--spaced">
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/users">People</a><br>Find people, add accounts, change roles and line managers, suspend accounts and issue password reset links.</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/import">Import people</a><br>Add or update many accounts at once from a spreadsheet (CSV file).</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/courses">Courses</a><br>The courses your college teaches.</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/cohorts">Cohorts</a><br>Teaching groups on each course, and who learns, teaches and represents students in each.</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/leadership">Leadership plans</a><br>The instruments managers record psychometric results with, the development themes of their goals, and the departments people work in.</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/sign-in">Single sign-on</a><br>Let your college's people sign in with their Microsoft, Google or other college account, and choose whether Tandem passwords still work.</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/audit">Audit log</a><br>Who did what, and when: sign-ins, changes to people and groups.</li>
<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/threads">Safeguarding: private threads</a><br>Find someone's private threads and, for a safeguarding concern only, read one. Each reading is recorded with its reason, and the people in the thread are told.</li>
{{#SITE}}<li><a class="govuk-link govuk-!-font-weight-bold" href="/admin/institutions">Colleges</a><br>The colleges on this Tandem.</li>{{/SITE}}
</ul>
<p class="govuk-body"><a class="govuk-button" href="/admin/users/new" role="button" draggable="false">Add a person</a></p>
