{{%AUTOESCAPE context="HTML"}}
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="{{HREF}}">{{SUMMARY}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
{{#CAPTION}}<span class="govuk-caption-l">{{COLLEGE}}</span>{{/CAPTION}}
<h1 class="govuk-heading-l">Import people</h1>
{{#PROBLEMS}}
<h2 class="govuk-heading-m" id="problems" tabindex="-1">Problems in {{FILENAME}}</h2>
<p class="govuk-body">Nothing was imported. Correct each line below in the spreadsheet, save it as CSV again and upload it. Line 1 is the header.</p>
<div class="tandem-table-scroll" role="region" aria-labelledby="problems-caption" tabindex="0">
<table class="govuk-table">
<caption id="problems-caption" class="govuk-table__caption govuk-visually-hidden">Problems in {{FILENAME}}, by line</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Line</th>
<th scope="col" class="govuk-table__header">Column</th>
<th scope="col" class="govuk-table__header">Problem</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#PROBLEM}}
<tr class="govuk-table__row">
<td class="govuk-table__cell govuk-table__cell--numeric">{{LINE}}</td>
<td class="govuk-table__cell">{{FIELD}}</td>
<td class="govuk-table__cell govuk-!-text-break-word">{{MESSAGE}}</td>
</tr>
{{/PROBLEM}}
</tbody>
</table>
</div>
{{#MORE}}
<p class="govuk-body">There are {{COUNT}} more problems that are not listed here. Correct these first, then upload the file again to see the rest.</p>
{{/MORE}}
{{/PROBLEMS}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<p class="govuk-body">Add students and staff from a spreadsheet saved as a CSV file. New people get a link to choose their password. People already at the college keep their password; their email and name are updated, and the roles and cohorts in the file are added to theirs.</p>
<form method="post" action="/admin/import" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#COLLEGES}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="institution">College</label>
<select class="govuk-select" id="institution" name="institution">
{{#COLLEGE}}
<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COLLEGE}}
</select>
</div>
{{/COLLEGES}}
<div class="govuk-form-group{{#ERROR}} govuk-form-group--error{{/ERROR}}">
<label class="govuk-label govuk-label--s" for="file">CSV file</label>
<div id="file-hint" class="govuk-hint">Save the spreadsheet as “CSV UTF-8”, with the columns described below. The file can be up to {{MAX_MB}} MB.</div>
{{#ERROR}}
<p id="file-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>
{{/ERROR}}
<input class="govuk-file-upload{{#ERROR}} govuk-file-upload--error{{/ERROR}}" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint{{#ERROR}} file-error{{/ERROR}}">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Import people</button>
</form>
<h2 class="govuk-heading-m">What the file needs</h2>
<p class="govuk-body">The first line names the six columns, in this order. Then comes one line for each person, or one line for each cohort a person is in: the same person may be on several lines, with the same email and name on each.</p>
<div class="tandem-table-scroll" role="region" aria-labelledby="columns-caption" tabindex="0">
<table class="govuk-table">
<caption id="columns-caption" class="govuk-table__caption govuk-table__caption--s">Columns</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Column</th>
<th scope="col" class="govuk-table__header">What goes in it</th>
</tr>
</thead>
<tbody class="govuk-table__body">
<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">username</th><td class="govuk-table__cell">What the person signs in with: 2 to 64 lower-case letters, digits, dots, hyphens or underscores</td></tr>
<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">email</th><td class="govuk-table__cell">Their email address</td></tr>
<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">display_name</th><td class="govuk-table__cell">Their name as others see it</td></tr>
<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">role</th><td class="govuk-table__cell">student, staff, manager or leader</td></tr>
<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">cohort_code</th><td class="govuk-table__cell">The code of one of the college’s cohorts, or empty</td></tr>
<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">cohort_role</th><td class="govuk-table__cell">learner, tutor or rep in that cohort; empty when there is no cohort code</td></tr>
</tbody>
</table>
</div>
<p class="govuk-body">For example, a student who is also her group’s representative, their tutor, and a manager in no cohort:</p>
<div class="govuk-inset-text">
<pre class="govuk-!-margin-0 govuk-!-font-size-16 tandem-scroll-x" role="region" aria-label="An example file" tabindex="0"><code>username,email,display_name,role,cohort_code,cohort_role
maya.k,maya.k@example.ac.uk,Maya Kaur,student,ENG3-A,learner
maya.k,maya.k@example.ac.uk,Maya Kaur,student,ENG3-A,rep
ben.h,ben.h@example.ac.uk,Ben Hughes,staff,ENG3-A,tutor
rosa.d,rosa.d@example.ac.uk,Rosa Diaz,manager,,</code></pre>
</div>
<h2 class="govuk-heading-m">What happens</h2>
<ul class="govuk-list govuk-list--bullet">
<li>The whole file is checked first. If any line has a problem, nothing is imported, and every problem is listed with its line.</li>
<li>Each new person gets a one-time link to choose their password. The links are shown once, after the import, and expire in 24 hours.</li>
<li>Administrator roles are never given by an import.</li>
<li>Importing the same file again changes nothing.</li>
</ul>
</div>
</div>
