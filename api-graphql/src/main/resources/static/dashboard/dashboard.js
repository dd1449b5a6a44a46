// The statistics dashboard: logs in through the GraphQL API like any client, then charts certificationStatistics.
// The session token stays in this tab only (sessionStorage).
'use strict';

const TOKEN_KEY = 'realname.dashboard.token';
const METHODS = { IC_CARD: '中国电子口岸IC卡', LEGAL_REP: '法定代表人身份', BANK_UKEY: '银行UKey' };
const LEVELS = { HIGH: '高 HIGH', MEDIUM: '中 MEDIUM', LOW: '低 LOW', NONE: '未认证 NONE' };
const OUTCOMES = [['started', '发起 Started'], ['passed', '通过 Passed'], ['failed', '失败 Failed'],
    ['expired', '超时 Expired']];
const STATISTICS = `query dashboard($from: Date!, $to: Date!) {
    certificationStatistics(from: $from, to: $to) {
        perDay { day method started passed failed expired }
        failureReasons { method reason count messageZh }
        enterprisesPerLevel { level count }
    }
}`;

const byId = (id) => document.getElementById(id);
const charts = {};

async function graphql(query, variables) {
    const headers = { 'Content-Type': 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
        headers.Authorization = 'Bearer ' + token;
    }
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = await response.json();
    if (body.errors && body.errors.length) {
        const error = body.errors[0];
        const failure = new Error((error.extensions && error.extensions.messageZh) || error.message);
        failure.code = error.extensions && error.extensions.code;
        throw failure;
    }
    return body.data;
}

async function loadCaptcha() {
    const data = await graphql('query { captcha { id imagePng } }');
    const image = byId('captcha-image');
    image.src = 'data:image/png;base64,' + data.captcha.imagePng;
    image.dataset.captchaId = data.captcha.id;
    byId('captcha-answer').value = '';
}

function showLogin(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    byId('dashboard').hidden = true;
    byId('logout').hidden = true;
    byId('login').hidden = false;
    byId('login-error').textContent = message || '';
    document.body.dataset.state = 'login';
    return loadCaptcha();
}

async function logIn(event) {
    event.preventDefault();
    const input = {
        username: byId('username').value,
        password: byId('password').value,
        captchaId: byId('captcha-image').dataset.captchaId,
        captchaAnswer: byId('captcha-answer').value,
    };
    try {
        const data = await graphql(`mutation login($input: LoginInput!) {
            login(input: $input) { token account { role } } }`, { input });
        if (!['ANALYST', 'AUDITOR'].includes(data.login.account.role)) {
            await showLogin('此账号无权查看统计（仅限分析员和审计员）。 This account may not see statistics.');
            return;
        }
        sessionStorage.setItem(TOKEN_KEY, data.login.token);
        byId('password').value = '';
        await showDashboard();
    } catch (failure) {
        byId('login-error').textContent = failure.message;
        await loadCaptcha();
    }
}

// Dates as the Single Window counts them: days in China time.
function chinaDate(offsetDays) {
    const day = new Date(Date.now() + offsetDays * 86400000);
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(day);
}

function daysBetween(from, to) {
    const days = [];
    for (let day = new Date(from + 'T00:00:00Z'); day <= new Date(to + 'T00:00:00Z');
         day.setUTCDate(day.getUTCDate() + 1)) {
        days.push(day.toISOString().slice(0, 10));
    }
    return days;
}

async function showDashboard() {
    byId('login').hidden = true;
    byId('dashboard').hidden = false;
    byId('logout').hidden = false;
    if (!byId('from').value) {
        byId('from').value = chinaDate(-29);
        byId('to').value = chinaDate(0);
    }
    await refresh();
}

async function refresh(event) {
    if (event) {
        event.preventDefault();
    }
    document.body.dataset.state = 'loading';
    byId('range-error').textContent = '';
    const from = byId('from').value;
    const to = byId('to').value;
    try {
        const data = await graphql(STATISTICS, { from, to });
        render(data.certificationStatistics, from, to);
        document.body.dataset.state = 'ready';
    } catch (failure) {
        if (failure.code === 'UNAUTHENTICATED' || failure.code === 'FORBIDDEN') {
            await showLogin(failure.message);
        } else {
            byId('range-error').textContent = failure.message;
            document.body.dataset.state = 'error';
        }
    }
}

function chart(id) {
    if (!charts[id]) {
        // SVG, so the figures are text in the page (readable by assistive tools and by the browser test).
        charts[id] = echarts.init(byId(id), null, { renderer: 'svg' });
    }
    return charts[id];
}

function fillTable(id, rows) {
    const body = byId(id).querySelector('tbody');
    body.replaceChildren(...rows.map((cells) => {
        const row = document.createElement('tr');
        row.replaceChildren(...cells.map((cell) => {
            const td = document.createElement('td');
            td.textContent = cell;
            return td;
        }));
        return row;
    }));
}

function render(statistics, from, to) {
    const totals = Object.keys(METHODS).map((method) => {
        const rows = statistics.perDay.filter((row) => row.method === method);
        const sum = (field) => rows.reduce((total, row) => total + row[field], 0);
        return { method, started: sum('started'), passed: sum('passed'), failed: sum('failed'), expired: sum('expired') };
    });
    chart('chart-methods').setOption({
        tooltip: {}, legend: {},
        xAxis: { type: 'category', data: totals.map((total) => METHODS[total.method]) },
        yAxis: { type: 'value', minInterval: 1 },
        series: OUTCOMES.map(([field, name]) => ({
            id: field, name, type: 'bar', label: { show: true, position: 'top' },
            data: totals.map((total) => total[field]),
        })),
    }, true);
    fillTable('table-methods', totals.map((total) => [METHODS[total.method], total.started, total.passed,
        total.failed, total.expired,
        total.started === 0 ? '-' : (100 * total.passed / total.started).toFixed(1) + '%']));

    const days = daysBetween(from, to);
    const perDay = (field) => days.map((day) => statistics.perDay.filter((row) => row.day === day)
        .reduce((total, row) => total + row[field], 0));
    chart('chart-daily').setOption({
        tooltip: { trigger: 'axis' }, legend: {},
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
            { id: 'started', name: '发起 Started', type: 'line', data: perDay('started') },
            { id: 'passed', name: '通过 Passed', type: 'line', data: perDay('passed') },
        ],
    }, true);

    const reasons = statistics.failureReasons.slice(0, 10).reverse();
    chart('chart-reasons').setOption({
        tooltip: {}, grid: { left: 200 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: reasons.map((reason) => reason.messageZh.slice(0, 14)) },
        series: [{ id: 'reasons', name: '次数 Count', type: 'bar', label: { show: true, position: 'right' },
            data: reasons.map((reason) => reason.count) }],
    }, true);
    fillTable('table-reasons', statistics.failureReasons.map((reason) => [METHODS[reason.method],
        reason.reason + ' ' + reason.messageZh, reason.count]));

    chart('chart-levels').setOption({
        tooltip: {}, legend: {},
        series: [{ id: 'levels', name: '企业数 Enterprises', type: 'pie', label: { show: true, formatter: '{b}: {c}' },
            data: statistics.enterprisesPerLevel.map((level) => ({ name: LEVELS[level.level], value: level.count })) }],
    }, true);
    fillTable('table-levels', statistics.enterprisesPerLevel.map((level) => [LEVELS[level.level], level.count]));
}

document.addEventListener('DOMContentLoaded', () => {
    byId('login-form').addEventListener('submit', logIn);
    byId('captcha-image').addEventListener('click', loadCaptcha);
    byId('range').addEventListener('submit', refresh);
    byId('logout').addEventListener('click', () => showLogin());
    window.addEventListener('resize', () => Object.values(charts).forEach((instance) => instance.resize()));
    if (sessionStorage.getItem(TOKEN_KEY)) {
        showDashboard();
    } else {
        showLogin();
    }
});
